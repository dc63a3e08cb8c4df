import { describe, expect, it } from 'vitest';
import { loadProject } from './normalize';
import type { LoadOptions } from './normalize';
import { REALISTIC } from './testdata';


const options: LoadOptions = { workingDir: '/home/student/Shop', env: { FROM_HOST: 'yes' } };

describe('a realistic compose.yaml', () => {
  const project = loadProject(REALISTIC, options);
  const [web, store] = project.services;

  it('takes the project name from the directory, lowercased', () => expect(project.name).toBe('shop'));

  it('warns that version is obsolete, as docker does', () => {
    expect(project.warnings).toEqual([
      'compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
    ]);
  });

  it('reads the web service, with the merged defaults and interpolated values', () => {
    expect(web).toMatchObject({
      name: 'web', line: 9, image: 'shop-web:dev', restart: 'unless-stopped', init: true,
      build: { context: '/home/student/Shop/web', dockerfile: 'Dockerfile', args: { GREETING: 'hello' } },
      command: ['httpd', '-f', '-p', '80'],
      environment: { STORE_URL: 'http://store:6379', DEBUG: 'true', FROM_HOST: 'yes' },
      ports: [{ target: 80, published: '8080', protocol: 'tcp' }],
      volumes: [{ type: 'bind', source: '/home/student/Shop/site', target: '/www', readOnly: true, createHostPath: true }],
      networks: { default: { aliases: [] } },
      dependsOn: { store: { condition: 'service_healthy', restart: false, required: true } },
      healthcheck: { test: ['CMD-SHELL', 'wget -q -O- http://localhost/ || exit 1'], interval: 10, retries: 3 },
    });
  });

  it('reads the store service: a named volume, limits, a shell-split command', () => {
    expect(store).toMatchObject({
      name: 'store', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 1; done'],
      volumes: [{ type: 'volume', source: 'data', target: '/data', readOnly: false, nocopy: false }],
      healthcheck: { test: ['CMD', 'test', '-d', '/data'], interval: 5, timeout: 2 },
      memLimit: 64 * 1024 * 1024, pidsLimit: 50, cpus: 0.5, stopGracePeriod: 90,
      labels: { 'com.example.role': 'store' }, restart: 'unless-stopped',
    });
  });

  it('names the volume and the default network after the project', () => {
    expect(project.volumes).toEqual({ data: { name: 'shop_data', external: false, driver: 'local', driverOpts: {}, labels: {} } });
    expect(project.networks).toEqual({ default: { name: 'shop_default', external: false, driver: 'bridge', internal: false, labels: {} } });
  });
});

describe('project level', () => {
  const load = (text: string, extra: Partial<LoadOptions> = {}) => loadProject(text, { ...options, ...extra });
  const services = 'services:\n  a:\n    image: busybox\n';

  it.each<[string, Partial<LoadOptions>, string]>([
    ['name: from the file', {}, 'fromfile'],
    ['the -p flag over name:', { projectName: 'flag' }, 'flag'],
    ['COMPOSE_PROJECT_NAME over name:', { env: { COMPOSE_PROJECT_NAME: 'envname' } }, 'envname'],
  ])('%s', (_name, extra, expected) => expect(load(`name: fromfile\n${services}`, extra).name).toBe(expected));

  it('name: is interpolated', () => expect(load(`name: app-\${N}\n${services}`, { env: { N: '2' } }).name).toBe('app-2'));

  it('declared networks and volumes, external ones and name: overrides', () => {
    const p = load(`${services}networks:\n  front:\n  back:\n    internal: true\n  shared:\n    external: true\n  other:\n    name: custom\nvolumes:\n  db:\n    external: true\n    name: legacy-db\n  cache:\n    labels: {a: b}\n`);
    expect(Object.fromEntries(Object.entries(p.networks).map(([k, n]) => [k, [n.name, n.external, n.internal]]))).toEqual({
      front: ['shop_front', false, false], back: ['shop_back', false, true], shared: ['shared', true, false],
      other: ['custom', false, false], default: ['shop_default', false, false],
    });
    expect(p.volumes.db).toMatchObject({ name: 'legacy-db', external: true });
    expect(p.volumes.cache).toMatchObject({ name: 'shop_cache', labels: { a: 'b' } });
  });

  it('a service may list networks, with aliases', () => {
    const p = load('services:\n  a:\n    image: x\n    networks:\n      front:\n        aliases: [api]\n      back:\n  b:\n    image: x\n    networks: [front]\nnetworks:\n  front:\n  back:\n');
    expect(p.services[0].networks).toEqual({ front: { aliases: ['api'] }, back: { aliases: [] } });
    expect(p.services[1].networks).toEqual({ front: { aliases: [] } });
  });

  it('a depends_on that is not required and missing is dropped with a warning', () => {
    const p = load('services:\n  a:\n    image: x\n    depends_on:\n      gone:\n        condition: service_started\n        required: false\n');
    expect(p.services[0].dependsOn).toEqual({});
    expect(p.warnings).toContain('service "a" depends on undefined service "gone" (not required: ignored)');
  });

  it('an empty services: is an empty project', () => expect(load('services:\n').services).toEqual([]));

  it.each<[string, string, Partial<LoadOptions>, string]>([
    ['an empty file', '# nothing\n', {}, 'compose.yaml: empty compose file'],
    ['a top level that is not a mapping', '- a\n', {}, 'compose.yaml:1: (root) must be a mapping'],
    ['an unknown top-level key', `${services}service:\n  b: {}\n`, {}, 'compose.yaml:4: (root) Additional property service is not allowed'],
    ['secrets', `${services}secrets:\n  s: {}\n`, {}, 'compose.yaml:4: secrets is not supported by Dockhand'],
    ['a bad name:', `name: My App\n${services}`, {}, 'compose.yaml:1: "My App" is not a valid project name: it must contain only characters from [a-z0-9_-] and start with [a-z0-9]'],
    ['a bad -p', services, { projectName: '_x' }, 'compose.yaml: "_x" is not a valid project name: it must contain only characters from [a-z0-9_-] and start with [a-z0-9]'],
    ['a directory name with nothing valid', services, { workingDir: '/tmp/___' }, 'compose.yaml: project name must not be empty'],
    ['an undefined network', 'services:\n  a:\n    image: x\n    networks: [nope]\n', {}, 'compose.yaml:2: service "a" refers to undefined network nope: invalid compose project'],
    ['an undefined volume', 'services:\n  a:\n    image: x\n    volumes: ["nope:/d"]\n', {}, 'compose.yaml:2: service "a" refers to undefined volume nope: invalid compose project'],
    ['an undefined dependency', 'services:\n  a:\n    image: x\n    depends_on: [db]\n', {}, 'compose.yaml:2: service "a" depends on undefined service "db": invalid compose project'],
    ['a dependency cycle', 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n', {}, 'compose.yaml:2: dependency cycle detected: a -> b -> a'],
    ['a self dependency', 'services:\n  a:\n    image: x\n    depends_on: [a]\n', {}, 'compose.yaml:2: dependency cycle detected: a -> a'],
    ['two services, one container_name', 'services:\n  a:\n    image: x\n    container_name: c\n  b:\n    image: x\n    container_name: c\n', {}, 'compose.yaml:5: service "b" has the same container_name "c" as service "a": invalid compose project'],
    ['a network driver other than bridge', `${services}networks:\n  n:\n    driver: overlay\n`, {}, 'compose.yaml:6: networks.n.driver: only the bridge driver is supported (not overlay)'],
    ['ipam', `${services}networks:\n  n:\n    ipam: {}\n`, {}, 'compose.yaml:6: networks.n.ipam is not supported by Dockhand'],
    ['an unknown network key', `${services}networks:\n  n:\n    color: red\n`, {}, 'compose.yaml:6: networks.n Additional property color is not allowed'],
    ['external with a driver', `${services}volumes:\n  v:\n    external: true\n    driver: local\n`, {}, 'compose.yaml:7: conflicting parameters "external" and "driver" specified for volumes v'],
    ['external.name', `${services}volumes:\n  v:\n    external:\n      name: x\n`, {}, 'compose.yaml:7: volumes.v.external must be a boolean (external.name is obsolete: use name:)'],
    ['a volume driver other than local', `${services}volumes:\n  v:\n    driver: nfs\n`, {}, 'compose.yaml:6: volumes.v.driver: only the local driver is supported (not nfs)'],
    ['a required variable', 'services:\n  a:\n    image: ${IMAGE:?choose an image}\n', {}, 'compose.yaml:3: required variable IMAGE is missing a value: choose an image'],
    ['a YAML error', 'services:\n  a:\n    image: x\n    image: y\n', {}, 'compose.yaml:4: mapping key "image" already defined at line 3'],
  ])('%s', (_name, text, extra, message) => expect(() => load(text, extra)).toThrow(message));

  it('uses the file name in errors', () => {
    expect(() => loadProject('services: []\n', { ...options, file: 'docker-compose.yml' })).toThrow('docker-compose.yml:1: services must be a mapping');
  });
});
