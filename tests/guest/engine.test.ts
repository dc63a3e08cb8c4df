// The engine's front door: the static C `docker` client reaches the resident QuickJS daemon
// over /run/dockhand/engine.sock, which writes to the client's own stdout and sets its exit code.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('docker client and engine daemon', () => {
  it('docker version reports client, engine and the kernel the VM runs', async () => {
    const out = await run(guest(), 'docker version');
    expect(out).toMatch(/^Client: Dockhand\n Version: +0\.1\.0/);
    expect(out).toMatch(/Server: Dockhand Engine/);
    const kernel = await run(guest(), 'uname -r');
    expect(out).toContain(`Kernel Version:   ${kernel}`);
  }, TEST_TIMEOUT);

  it('is one daemon process, running the engine bundle in QuickJS', async () => {
    const cmdlines = await run(guest(), "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline 2>/dev/null; echo; done");
    expect(cmdlines.split('\n').filter((l) => l.includes('/opt/dockhand/engine.js'))).toHaveLength(1);
    expect(await run(guest(), 'stat -c %F /run/dockhand/engine.sock')).toBe('socket');
  }, TEST_TIMEOUT);

  it.each([
    ['docker version', 0, ''],
    ['docker frobnicate', 1, "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n"],
    ['docker images --frob', 125, "unknown flag: --frob\nSee 'docker images --help'.\n"],
    ['docker --version', 0, ''],
  ])('%s exits %i', async (cmd, code, stderr) => {
    const r = await guest().exec(cmd);
    expect(r.exitCode).toBe(code);
    expect(r.stderr).toBe(stderr);
  }, TEST_TIMEOUT);

  it('writes to the stdout the client was given (a pipe, a file)', async () => {
    expect(await run(guest(), 'docker --version | tr a-z A-Z')).toMatch(/^DOCKER VERSION 0\.1\.0/);
    expect(await run(guest(), 'docker --version > /tmp/v.txt; cat /tmp/v.txt')).toMatch(/^Docker version 0\.1\.0/);
  }, TEST_TIMEOUT);
});
