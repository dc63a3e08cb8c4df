import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';
import { LABEL, configHash, serviceContainer } from './labels';
import type { EngineState, ExistingContainer } from './labels';
import { loadProject } from './normalize';
import { REALISTIC } from './testdata';
import { dependencyOrder } from './order';
import { planDown, planUp, serviceOrder } from './plan';
import type { UpStep } from './plan';

const project = loadProject(REALISTIC, { workingDir: '/home/student/shop', env: {} });
const empty: EngineState = { containers: [], networks: [], volumes: [], images: ['busybox:latest'] };
const brief = (steps: UpStep[]) => steps.map((s) => `${s.action} ${'name' in s ? s.name : 'spec' in s ? s.spec.name : s.image}`);

function container(service: string, extra: Partial<ExistingContainer> = {}, labels: Record<string, string> = {}): ExistingContainer {
  const config = project.services.find((s) => s.name === service);
  return {
    id: `id-${service}`, name: `shop-${service}-1`, running: true, ...extra,
    labels: {
      [LABEL.project]: 'shop', [LABEL.service]: service, [LABEL.number]: '1', [LABEL.oneoff]: 'False',
      [LABEL.configHash]: config ? configHash('shop', config) : 'x', ...labels,
    },
  };
}

describe('planUp', () => {
  it('from nothing: build, network, volume, then services in dependency order', () => {
    const plan = planUp(project, empty);
    if (!plan.ok) throw new Error(plan.error);
    expect(brief(plan.steps)).toEqual([
      'build-image shop-web:dev', 'create-network shop_default', 'create-volume shop_data',
      'create-container shop-store-1', 'create-container shop-web-1',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('labels, names, mounts and waits the way compose does', () => {
    const plan = planUp(project, empty, { configFiles: ['/home/student/shop/compose.yaml'] });
    if (!plan.ok) throw new Error(plan.error);
    const [network, volume, store, web] = plan.steps.slice(1);
    expect(network).toMatchObject({ labels: { [LABEL.network]: 'default', [LABEL.project]: 'shop' }, driver: 'bridge' });
    expect(volume).toMatchObject({ labels: { [LABEL.volume]: 'data', [LABEL.project]: 'shop' }, driver: 'local' });
    if (store.action !== 'create-container' || web.action !== 'create-container') throw new Error('not containers');
    expect(store.spec).toMatchObject({
      name: 'shop-store-1', image: 'busybox',
      networks: [{ name: 'shop_default', aliases: ['store'] }],
      mounts: [{ type: 'volume', source: 'shop_data', target: '/data' }],
      labels: {
        'com.example.role': 'store', [LABEL.project]: 'shop', [LABEL.service]: 'store', [LABEL.number]: '1',
        [LABEL.oneoff]: 'False', [LABEL.workingDir]: '/home/student/shop', [LABEL.configFiles]: '/home/student/shop/compose.yaml',
      },
    });
    expect(store.spec.labels[LABEL.configHash]).toMatch(/^[0-9a-f]{64}$/);
    expect(web.waitFor).toEqual([{ service: 'store', condition: 'service_healthy' }]);
    expect(web.spec.labels[LABEL.dependsOn]).toBe('store:service_healthy:false');
  });

  it('a second up with nothing changed keeps the running containers', () => {
    const state: EngineState = {
      containers: [container('store'), container('web', { running: false })],
      networks: [{ name: 'shop_default', labels: {} }], volumes: [{ name: 'shop_data', labels: {} }],
      images: ['busybox', 'shop-web:dev'],
    };
    const plan = planUp(project, state);
    expect(plan.ok && brief(plan.steps)).toEqual(['keep-container shop-store-1', 'start-container shop-web-1']);
  });

  it('a changed config hash recreates; --no-recreate keeps; --force-recreate recreates', () => {
    const state: EngineState = {
      ...empty, images: ['busybox', 'shop-web:dev'],
      containers: [container('store', {}, { [LABEL.configHash]: 'old' }), container('web')],
      networks: [{ name: 'shop_default', labels: {} }], volumes: [{ name: 'shop_data', labels: {} }],
    };
    const recreate = planUp(project, state);
    expect(recreate.ok && brief(recreate.steps)).toEqual(['remove-container shop-store-1', 'create-container shop-store-1', 'keep-container shop-web-1']);
    const keep = planUp(project, state, { noRecreate: true });
    expect(keep.ok && brief(keep.steps)).toEqual(['keep-container shop-store-1', 'keep-container shop-web-1']);
    const force = planUp(project, state, { forceRecreate: true });
    expect(force.ok && force.steps.filter((s) => s.action === 'create-container').length).toBe(2);
  });

  it('--build rebuilds and so recreates the service', () => {
    const state: EngineState = { ...empty, images: ['busybox', 'shop-web:dev'], containers: [container('store'), container('web')] };
    const plan = planUp(project, state, { build: true });
    expect(plan.ok && brief(plan.steps).filter((s) => s.includes('web'))).toEqual([
      'build-image shop-web:dev', 'remove-container shop-web-1', 'create-container shop-web-1',
    ]);
  });

  it('a missing image without build is pulled', () => {
    const plan = planUp(project, { ...empty, images: ['shop-web:dev'] });
    expect(plan.ok && brief(plan.steps)[0]).toBe('pull-image busybox');
  });

  it('up SERVICE starts it and what it depends on only', () => {
    const only = loadProject('services:\n  a:\n    image: busybox\n  b:\n    image: busybox\n    depends_on: [a]\n  c:\n    image: busybox\n', { workingDir: '/p/x' });
    const plan = planUp(only, empty, { services: ['b'] });
    expect(plan.ok && brief(plan.steps)).toEqual(['create-network x_default', 'create-container x-a-1', 'create-container x-b-1']);
    expect(planUp(only, empty, { services: ['zz'] })).toEqual({ ok: false, error: 'no such service: zz' });
  });

  it('orphans: a warning, or removed with --remove-orphans', () => {
    const state: EngineState = { ...empty, containers: [container('old', { name: 'shop-old-1' })] };
    const warned = planUp(project, state);
    expect(warned.ok && warned.warnings).toEqual([
      'Found orphan containers ([shop-old-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.',
    ]);
    const removed = planUp(project, state, { removeOrphans: true });
    expect(removed.ok && removed.steps.find((s) => s.action === 'remove-container')).toMatchObject({ name: 'shop-old-1', reason: 'orphan' });
  });

  it('extra containers of a service (scale down) are removed', () => {
    const state: EngineState = { ...empty, containers: [container('store'), container('store', { id: 'two', name: 'shop-store-2' }, { [LABEL.number]: '2' })] };
    const plan = planUp(project, state);
    expect(plan.ok && plan.steps.find((s) => s.action === 'remove-container')).toMatchObject({ name: 'shop-store-2', reason: 'scale' });
  });

  it.each<[string, EngineState, string]>([
    ['a name taken by another container', { ...empty, containers: [{ id: 'abc', name: 'shop-store-1', labels: {}, running: true }] },
      'Conflict. The container name "/shop-store-1" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.'],
  ])('%s is an error', (_name, state, error) => expect(planUp(project, state)).toEqual({ ok: false, error }));

  it('external networks and volumes must exist and are never created', () => {
    const p = loadProject('services:\n  a:\n    image: busybox\n    networks: [n]\n    volumes: ["v:/v"]\nnetworks:\n  n:\n    external: true\nvolumes:\n  v:\n    external: true\n', { workingDir: '/p/x' });
    expect(planUp(p, empty)).toEqual({ ok: false, error: 'network n declared as external, but could not be found' });
    const withNet = { ...empty, networks: [{ name: 'n', labels: {} }] };
    expect(planUp(p, withNet)).toEqual({ ok: false, error: 'external volume "v" not found' });
    const plan = planUp(p, { ...withNet, volumes: [{ name: 'v', labels: {} }] });
    expect(plan.ok && brief(plan.steps)).toEqual(['create-container x-a-1']);
  });
});

describe('planDown', () => {
  const state: EngineState = {
    containers: [container('store'), container('web'), container('old', { name: 'shop-old-1' }), { id: 'z', name: 'other', labels: {}, running: true }],
    networks: [{ name: 'shop_default', labels: {} }, { name: 'bridge', labels: {} }],
    volumes: [{ name: 'shop_data', labels: {} }, { name: 'keep-me', labels: {} }], images: [],
  };

  it('removes containers in reverse dependency order, then the network; volumes stay', () => {
    const plan = planDown(project, state);
    expect(plan.ok && plan.steps.map((s) => `${s.action} ${s.name}`)).toEqual([
      'remove-container shop-web-1', 'remove-container shop-store-1', 'remove-network shop_default',
    ]);
    expect(plan.ok && plan.warnings[0]).toMatch(/^Found orphan containers \(\[shop-old-1\]\)/);
  });

  it('-v also removes the named volumes; --remove-orphans the orphans', () => {
    const plan = planDown(project, state, { volumes: true, removeOrphans: true });
    expect(plan.ok && plan.steps.map((s) => `${s.action} ${s.name}`)).toEqual([
      'remove-container shop-web-1', 'remove-container shop-store-1', 'remove-container shop-old-1',
      'remove-network shop_default', 'remove-volume shop_data',
    ]);
  });

  it('nothing to do when nothing exists', () => {
    expect(planDown(project, { containers: [], networks: [], volumes: [], images: [] }, { volumes: true })).toEqual({ ok: true, steps: [], warnings: [] });
  });
});

describe('ordering and helpers', () => {
  const node = (name: string, ...deps: string[]) => ({ name, dependsOn: Object.fromEntries(deps.map((d) => [d, {}])) });
  it.each<[string, ReturnType<typeof node>[], string]>([
    ['file order when independent', [node('a'), node('b'), node('c')], 'a b c'],
    ['dependencies first', [node('web', 'api'), node('api', 'db'), node('db')], 'db api web'],
    ['a diamond', [node('a', 'b', 'c'), node('b', 'd'), node('c', 'd'), node('d')], 'd b c a'],
  ])('%s', (_name, nodes, order) => expect(dependencyOrder(nodes)).toEqual({ ok: true, order: order.split(' ') }));

  it('a cycle names its services', () => {
    expect(dependencyOrder([node('a', 'b'), node('b', 'c'), node('c', 'a')])).toMatchObject({ ok: false, error: 'dependency cycle detected: a -> b -> c -> a' });
  });

  it('serviceOrder reports a cycle as an error text', () => {
    expect(serviceOrder({ ...project, services: [{ ...project.services[0], dependsOn: { web: project.services[0].dependsOn.store } }] })).toBe(
      'dependency cycle detected: web -> web',
    );
  });

  it.each<[string, string]>([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
  ])('sha256(%j)', (text, hex) => expect(sha256Hex(text)).toBe(hex));

  it('sha256 of a long input spans blocks', () => expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'));

  it('the config hash changes with the config but not with the build or the line', () => {
    const store = project.services[1];
    expect(configHash('shop', { ...store, line: 99, build: { context: '/x', dockerfile: 'D', args: {} } })).toBe(configHash('shop', store));
    expect(configHash('shop', { ...store, environment: { A: '1' } })).not.toBe(configHash('shop', store));
  });

  it('serviceContainer finds the service\'s first container', () => {
    const state: EngineState = { ...empty, containers: [container('web', { id: 'two' }, { [LABEL.number]: '2' }), container('web')] };
    expect(serviceContainer(state, 'shop', 'web')?.id).toBe('id-web');
    expect(serviceContainer(state, 'shop', 'nope')).toBeUndefined();
  });
});
