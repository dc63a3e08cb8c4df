// The launch spec: Docker's capability arithmetic and the text dockhand-run reads.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS, effectiveCaps, normalizeCap, renderExecSpec, renderSpec, type LaunchSpec } from './spec';

const ALL = [...DEFAULT_CAPS, 'CAP_SYS_ADMIN', 'CAP_NET_ADMIN', 'CAP_SYS_BOOT'];

describe('capabilities', () => {
  it.each([
    [[], [], [...DEFAULT_CAPS]],
    [['NET_ADMIN'], [], [...DEFAULT_CAPS, 'CAP_NET_ADMIN']],
    [[], ['chown', 'CAP_KILL'], DEFAULT_CAPS.filter((c) => c !== 'CAP_CHOWN' && c !== 'CAP_KILL')],
    [['sys_admin'], ['ALL'], ['CAP_SYS_ADMIN']],
    [['ALL'], ['SYS_BOOT'], ALL.filter((c) => c !== 'CAP_SYS_BOOT')],
  ])('add %j drop %j', (add, drop, expected) => {
    expect(effectiveCaps(add, drop, ALL).sort()).toEqual([...expected].sort());
  });

  it('normalizes names', () => {
    expect(['chown', 'CAP_KILL', 'all', ' net_raw '].map(normalizeCap)).toEqual(['CAP_CHOWN', 'CAP_KILL', 'ALL', 'CAP_NET_RAW']);
  });
});

describe('renderSpec', () => {
  const spec: LaunchSpec = {
    rootfs: '/var/lib/dockhand/containers/abc/merged', hostname: 'abc', cwd: '', env: ['PATH=/bin'], args: ['sh', '-c', 'echo "a b"'],
    uid: 0, gid: 0, cgroup: '/sys/fs/cgroup/dockhand/abc', privileged: false, readonly: false, capAdd: [], capDrop: [],
    binds: [{ source: '/x/hosts', target: '/etc/hosts', readonly: false }], stdinNull: true,
  };

  it('writes one key per line, args in order and unquoted', () => {
    const text = renderSpec(spec, ALL);
    expect(text).toContain('rootfs /var/lib/dockhand/containers/abc/merged\n');
    expect(text).toContain('cwd /\n');
    expect(text).toContain('stdin-null 1\n');
    expect(text).toContain('mask /proc/kcore\n');
    expect(text).toContain('ro-path /proc/sysrq-trigger\n');
    expect(text).toContain('bind /x/hosts /etc/hosts\n');
    expect(text.endsWith('arg sh\narg -c\narg echo "a b"\n')).toBe(true);
    expect(text.match(/^cap /gm)).toHaveLength(DEFAULT_CAPS.length);
  });

  it('drops the protections for --privileged', () => {
    const text = renderSpec({ ...spec, privileged: true }, ALL);
    expect(text).toContain('privileged 1\n');
    expect(text).not.toMatch(/^(cap|mask|ro-path) /m);
  });

  it('escapes newlines and backslashes, so a value cannot inject a spec line', () => {
    const text = renderSpec({ ...spec, args: ['sh', '-c', 'echo a\\b\nrootfs /'] }, ALL);
    expect(text.endsWith('arg sh\narg -c\narg echo a\\\\b\\nrootfs /\n')).toBe(true);
    expect(text.match(/^rootfs /gm)).toHaveLength(1);
  });
});

describe('renderExecSpec', () => {
  it('joins the container by its PID 1 and keeps its capabilities', () => {
    const text = renderExecSpec({
      join: 123, cwd: '/tmp', env: ['A=1'], args: ['sh', '-c', 'echo a\nb'], uid: 0, gid: 0,
      cgroup: '/sys/fs/cgroup/dockhand/x', privileged: false, capAdd: [], capDrop: ['ALL'], stdinNull: true,
    });
    expect(text).toBe('join 123\ncwd /tmp\nuid 0\ngid 0\ncgroup /sys/fs/cgroup/dockhand/x\nprivileged 0\nstdin-null 1\nenv A=1\narg sh\narg -c\narg echo a\\nb\n');
  });
});
