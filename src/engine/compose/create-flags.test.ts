import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../cli/parse';
import { createArgs, mountFlag, publishFlag } from './create-flags';
import { LABEL } from './labels';
import { loadProject } from './normalize';
import { planUp } from './plan';
import type { ContainerSpec } from './plan';
import { REALISTIC } from './testdata';

function specs(text: string): Map<string, ContainerSpec> {
  const project = loadProject(text, { workingDir: '/home/student/shop', env: {} });
  const plan = planUp(project, { containers: [], networks: [], volumes: [], images: ['busybox:latest', 'shop-web:dev'] });
  if (!plan.ok) throw new Error(plan.error);
  return new Map(plan.steps.flatMap((s) => (s.action === 'create-container' ? [[s.service, s.spec] as const] : [])));
}

describe('createArgs: a planned container as docker create flags', () => {
  const all = specs(REALISTIC);

  it('store: name, labels, volume, limits, restart, init and the command as arguments', () => {
    const args = createArgs(all.get('store')!);
    expect(args.image).toBe('busybox');
    expect(args.args).toEqual(['sh', '-c', 'while true; do sleep 1; done']);
    expect(args.flags.name).toBe('shop-store-1');
    expect(args.flags.mount).toEqual(['type=volume,source=shop_data,target=/data']);
    expect(args.flags.network).toBe('shop_default');
    expect(args.flags['network-alias']).toEqual(['store']);
    expect(args.flags.restart).toBe('unless-stopped');
    expect(args.flags.init).toBe(true);
    expect(args.flags.memory).toBe(64 * 1024 * 1024);
    expect(args.flags['pids-limit']).toBe(50);
    expect(args.flags.cpus).toBe(0.5);
    expect(args.flags['stop-timeout']).toBe(90);
    expect(args.flags.label).toContain(`${LABEL.service}=store`);
    expect(args.flags.label).toContain('com.example.role=store');
    expect(args.changed).toEqual(expect.arrayContaining(['name', 'label', 'mount', 'network', 'restart', 'stop-timeout']));
    // what was not configured is not given: createContainer takes the image's own
    expect(args.changed).not.toContain('entrypoint');
    expect(args.changed).not.toContain('publish');
    expect(args.moreNetworks).toEqual([]);
  });

  it('web: environment, ports as -p text, a read-only bind as -v', () => {
    const args = createArgs(all.get('web')!);
    expect(args.flags.env).toEqual(['STORE_URL=http://store:6379', 'DEBUG=true']);
    expect(args.flags.publish).toEqual(['8080:80']);
    expect(args.flags.volume).toEqual(['/home/student/shop/site:/www:ro']);
    expect(args.image).toBe('shop-web:dev');
  });

  it('the flags are ones docker create itself parses to the same values', () => {
    const args = createArgs(all.get('store')!);
    const line = ['create', '--name', String(args.flags.name), '--memory', '64m', '--cpus', '0.5', '--init', args.image, ...args.args];
    const parsed = parseCommandLine(line);
    if (parsed.kind !== 'command') throw new Error(parsed.kind);
    for (const name of ['name', 'memory', 'cpus', 'init']) expect(parsed.flags[name]).toEqual(args.flags[name]);
    expect(parsed.args.slice(1)).toEqual(args.args);
  });

  it('an entrypoint list: the first word as --entrypoint, the rest before the command', () => {
    const s = specs('services:\n  a:\n    image: busybox\n    entrypoint: ["sh", "-c"]\n    command: ["echo hi"]\n').get('a')!;
    const args = createArgs(s);
    expect(args.flags.entrypoint).toBe('sh');
    expect(args.changed).toContain('entrypoint');
    expect(args.args).toEqual(['-c', 'echo hi']);
  });

  it('several networks: the first on create with its aliases, the others to connect before the start', () => {
    const s = specs([
      'services:', '  a:', '    image: busybox', '    networks:', '      front:', '        aliases: [api]', '      back:',
      'networks:', '  front:', '  back:', '',
    ].join('\n')).get('a')!;
    const args = createArgs(s);
    expect(args.flags.network).toBe('shop_front');
    expect(args.flags['network-alias']).toEqual(['a', 'api']);
    expect(args.moreNetworks).toEqual([{ name: 'shop_back', aliases: ['a'] }]);
  });
});

describe('publishFlag and mountFlag', () => {
  it.each([
    [{ target: 80, published: '8080', protocol: 'tcp' as const }, '8080:80'],
    [{ target: 80, published: '8080', hostIp: '127.0.0.1', protocol: 'tcp' as const }, '127.0.0.1:8080:80'],
    [{ target: 80, hostIp: '127.0.0.1', protocol: 'tcp' as const }, '127.0.0.1::80'],
    [{ target: 80, protocol: 'tcp' as const }, '80'],
    [{ target: 53, published: '53', protocol: 'udp' as const }, '53:53/udp'],
    [{ target: 80, published: '8080-8081', hostIp: '::1', protocol: 'tcp' as const }, '[::1]:8080-8081:80'],
  ])('%j → -p %s', (port, text) => {
    expect(publishFlag(port)).toBe(text);
  });

  it.each([
    [{ type: 'volume' as const, target: '/x', readOnly: false, nocopy: false }, 'mount', 'type=volume,target=/x'],
    [{ type: 'volume' as const, source: 'p_v', target: '/x', readOnly: true, nocopy: true }, 'mount', 'type=volume,source=p_v,target=/x,readonly,volume-nocopy'],
    [{ type: 'bind' as const, source: '/a', target: '/b', readOnly: false, createHostPath: true }, 'volume', '/a:/b'],
    [{ type: 'bind' as const, source: '/a', target: '/b', readOnly: true, createHostPath: false }, 'mount', 'type=bind,source=/a,target=/b,readonly'],
    [{ type: 'tmpfs' as const, target: '/t', size: 1048576, mode: 0o1777 }, 'mount', 'type=tmpfs,target=/t,tmpfs-size=1048576,tmpfs-mode=1777'],
  ])('%j → --%s %s', (mount, flag, value) => {
    expect(mountFlag(mount)).toEqual({ flag, value });
  });
});
