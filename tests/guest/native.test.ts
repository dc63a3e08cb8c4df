// The engine's native module `dockhand:kernel`, built into the guest's qjs: the syscalls the
// engine needs that QuickJS lacks, checked against the real kernel.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

/** Runs an ES module in the guest's qjs (the module is passed through the 9p share). */
async function qjs(name: string, source: string): Promise<string> {
  await guest().putFile(name, new TextEncoder().encode(source));
  return run(guest(), `qjs -m /mnt/host/${name}`);
}

describe('dockhand:kernel', () => {
  it('mounts an overlay and makes a whiteout and an opaque dir the way overlayfs writes them', async () => {
    await run(guest(), 'mkdir -p /tmp/n/lower/d /tmp/n/upper /tmp/n/work /tmp/n/merged /tmp/n/w && echo x > /tmp/n/lower/d/f');
    const out = await qjs('overlay.mjs', `
      import * as k from 'dockhand:kernel';
      const r = k.mount('overlay', '/tmp/n/merged', 'overlay', 0, 'lowerdir=/tmp/n/lower,upperdir=/tmp/n/upper,workdir=/tmp/n/work');
      print('mount', r);
      print('whiteout', k.mknod('/tmp/n/w/gone', k.S_IFCHR | 0o000, 0, 0));
      print('setxattr', k.lsetxattr('/tmp/n/w', 'trusted.overlay.opaque', 'y'));
      print('getxattr', k.lgetxattr('/tmp/n/w', 'trusted.overlay.opaque'));
      print('absent', k.lgetxattr('/tmp/n/lower', 'trusted.overlay.opaque') === -k.ENODATA);
      print('not a mount', k.umount('/tmp/n/lower', 0) === -k.EINVAL);
    `);
    expect(out.split('\n')).toEqual(['mount 0', 'whiteout 0', 'setxattr 0', 'getxattr y', 'absent true', 'not a mount true']);
    expect(await run(guest(), "grep ' /tmp/n/merged ' /proc/mounts")).toMatch(/^overlay \/tmp\/n\/merged overlay .*lowerdir=\/tmp\/n\/lower/);
    expect(await run(guest(), "stat -c '%F %t %T' /tmp/n/w/gone")).toBe('character special file 0 0');
    expect(await run(guest(), 'cat /tmp/n/merged/d/f')).toBe('x');
    await qjs('umount.mjs', "import * as k from 'dockhand:kernel'; if (k.umount('/tmp/n/merged', k.MNT_DETACH) !== 0) throw new Error('umount');");
    expect(await run(guest(), "grep -c ' /tmp/n/merged ' /proc/mounts || true")).toBe('0');
  }, TEST_TIMEOUT);

  it('passes a file descriptor over a unix socket (SCM_RIGHTS) to a process that writes to it', async () => {
    // The receiver writes a line to the fd it was given; the sender gave it its own stdout.
    await guest().putFile('receiver.mjs', new TextEncoder().encode(`
      import * as os from 'os';
      import * as k from 'dockhand:kernel';
      const listener = k.unixListen('/run/native-test.sock', 4);
      const conn = k.accept(listener);
      const buf = new ArrayBuffer(64);
      const { n, fds } = k.recvFds(conn, buf, 0, 64);
      const text = String.fromCharCode(...new Uint8Array(buf, 0, n));
      const line = 'receiver got "' + text + '" and ' + fds.length + ' fd\\n';
      const bytes = Uint8Array.from(line, (c) => c.charCodeAt(0));
      os.write(fds[0], bytes.buffer, 0, bytes.length);
    `));
    const out = await run(guest(), `
      qjs -m /mnt/host/receiver.mjs & receiver=$!
      while [ ! -S /run/native-test.sock ]; do sleep 0.05; done
      cat > /tmp/sender.mjs <<'EOF2'
      import * as k from 'dockhand:kernel';
      const fd = k.unixConnect('/run/native-test.sock');
      const msg = Uint8Array.from('hello', (c) => c.charCodeAt(0));
      if (k.sendFds(fd, msg.buffer, 0, msg.length, [1]) !== 5) throw new Error('sendFds');
EOF2
      qjs -m /tmp/sender.mjs
      wait $receiver`);
    expect(out).toBe('receiver got "hello" and 1 fd');
  }, TEST_TIMEOUT);

  it('reports errors as negative errno with a readable message', async () => {
    const out = await qjs('errors.mjs', `
      import * as k from 'dockhand:kernel';
      const r = k.mount(null, '/nonexistent', 'tmpfs', 0, null);
      print(r === -k.ENOENT, k.strerror(r));
      print(k.unixConnect('/run/nobody-listens.sock') < 0);
    `);
    expect(out.split('\n')).toEqual(['true No such file or directory', 'true']);
  }, TEST_TIMEOUT);
});
