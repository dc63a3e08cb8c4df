// Protects cgroup v2 limits: memory.max OOM-kills only the group's processes, pids.max stops fork bombs.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const CG = '/sys/fs/cgroup';

/** `key value` lines (memory.events, pids.events) → numbers by key */
function events(text: string): Record<string, number> {
  return Object.fromEntries(text.split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]));
}

describe('cgroup v2 limits', () => {
  let bystander: string;

  beforeAll(async () => {
    // started before any limit, outside every new group: it must survive what follows
    bystander = await run(guest(), 'sleep 600 </dev/null >/dev/null 2>&1 & echo $!');
  }, TEST_TIMEOUT);

  it('memory.max=8M: a memory hog in the group is OOM-killed, nothing else is', async () => {
    await run(guest(), `mkdir ${CG}/hog && echo 8M > ${CG}/hog/memory.max`);
    expect(await run(guest(), `cat ${CG}/hog/memory.max`)).toBe(String(8 * 1024 * 1024));

    const hog = await guest().exec(
      `sh -c 'echo $$ > ${CG}/hog/cgroup.procs; exec awk "BEGIN{while(1){s=s sprintf(\\"%0100000d\\",1)}}"'`,
      { timeoutMs: 30_000 });
    expect(hog.timedOut).toBe(false);
    expect(hog.exitCode).toBe(137); // SIGKILL

    expect(events(await run(guest(), `cat ${CG}/hog/memory.events`)).oom_kill).toBeGreaterThanOrEqual(1);
    expect(await run(guest(), `test -d /proc/${bystander} && cat /proc/${bystander}/comm`)).toBe('sleep');
    await guest().ping(); // the control agent survived too
    expect(await run(guest(), 'echo still here')).toBe('still here');
    await run(guest(), `rmdir ${CG}/hog`);
  }, TEST_TIMEOUT);

  it('pids.max=5: a fork loop in the group runs out of processes', async () => {
    await run(guest(), `mkdir ${CG}/forks && echo 5 > ${CG}/forks/pids.max`);
    const loop = await guest().exec(`sh -c '
      echo $$ > ${CG}/forks/cgroup.procs
      i=0; while [ $i -lt 20 ]; do sleep 60 </dev/null >/dev/null 2>&1 & i=$((i + 1)); done
      echo all forked'`, { timeoutMs: 30_000 });
    expect(loop.stdout).not.toContain('all forked');
    expect(loop.exitCode).not.toBe(0);
    expect(loop.stderr).toMatch(/can't fork/);

    expect(events(await run(guest(), `cat ${CG}/forks/pids.events`)).max).toBeGreaterThanOrEqual(1);
    expect(Number(await run(guest(), `cat ${CG}/forks/pids.current`))).toBeLessThanOrEqual(5);

    // clean up: kill what the loop left behind, then remove the group
    await run(guest(), `echo 1 > ${CG}/forks/cgroup.kill
      for i in $(seq 50); do rmdir ${CG}/forks 2>/dev/null && exit 0; sleep 0.1; done; exit 1`);
    expect(await run(guest(), `cat /proc/${bystander}/comm`)).toBe('sleep');
  }, TEST_TIMEOUT);
});
