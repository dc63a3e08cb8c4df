// docker run -t / docker exec -t: a real pty made inside the container's own devpts (as runc
// does), its slave the process's controlling terminal and /dev/console; the launcher relays it.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('terminals', () => {
  it('-t gives the process /dev/pts/0 of its own devpts, 80x24 when the caller has no terminal', async () => {
    // through a pty, output lines end in \r\n, as with Docker
    expect(await run(guest(), "docker run -t --rm busybox sh -c 'tty; stty size; ls -1 /dev/pts'")).toBe('/dev/pts/0\r\n24 80\r\n0\r\nptmx');
    expect(await run(guest(), 'docker run --rm busybox sh -c "tty || true"')).toBe('not a tty');
  }, TEST_TIMEOUT);

  it('-dit keeps a shell waiting on its pty; exec -t gets the next pty in the same devpts', async () => {
    await run(guest(), 'docker run -dit --name waiting busybox sh');
    try {
      expect(await run(guest(), 'docker inspect -f "{{.State.Status}}" waiting')).toBe('running');
      expect(await run(guest(), 'docker exec waiting readlink /proc/1/fd/0')).toBe('/dev/pts/0');
      expect(await run(guest(), 'docker exec waiting stat -c "%t,%T" /dev/console')).toBe('88,0');
      expect(await run(guest(), 'docker exec -t waiting tty')).toBe('/dev/pts/1');
      expect(await run(guest(), 'docker exec waiting sh -c "tty || true"')).toBe('not a tty');
      // the shell is the session leader of its terminal: job control is possible
      expect(await run(guest(), "docker exec waiting sh -c 'cut -d\" \" -f6,7 /proc/1/stat'")).toBe('1 34816');
    } finally {
      await run(guest(), 'docker rm -f waiting');
    }
  }, TEST_TIMEOUT);

  it('-it without a terminal to relay is refused, as Docker does', async () => {
    const r = await guest().exec('docker run -it --rm busybox true');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('the input device is not a TTY\n');
  }, TEST_TIMEOUT);

  it('a -t container\'s log keeps the terminal\'s line endings; its errors still reach stderr', async () => {
    await run(guest(), "docker run -d -t --name ttylog busybox sh -c 'echo out; echo err >&2'");
    await run(guest(), 'while [ "$(docker inspect -f "{{.State.Running}}" ttylog)" = true ]; do sleep 0.1; done');
    expect(await run(guest(), 'docker logs ttylog | od -An -c | tr -s " "')).toBe('o u t \\r \\n e r r \\r \\n');
    await run(guest(), 'docker rm ttylog');
    const missing = await guest().exec('docker run -t --rm busybox nosuch');
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toContain('executable file not found in $PATH');
  }, TEST_TIMEOUT);
});
