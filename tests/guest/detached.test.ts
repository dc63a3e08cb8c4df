// Containers in the background: docker run -d / create / start, logs, exec, stop, kill,
// restart, --rm and --restart, on the real kernel — and nothing left behind.
import { describe, expect, it } from 'vitest';
import type { GuestSession } from '../../src/lib/guest/session';
import { TEST_TIMEOUT, nsInode, run, useGuest } from './guest';

const guest = useGuest();
const ID = /^[0-9a-f]{64}$/;

interface State { Status: string; Running: boolean; Pid: number; ExitCode: number }

async function record(g: GuestSession, id: string): Promise<{ State: State; RestartCount?: number }> {
  return JSON.parse(await run(g, `cat /var/lib/dockhand/containers/${id}/config.json`));
}

describe('detached containers', () => {
  let webId = '';

  it('docker run -d prints the ID; the container runs on as PID 1 of its own pid namespace', async () => {
    const id = await run(guest(), 'docker run -d --name web httpd-demo');
    webId = id;
    expect(id).toMatch(ID);
    const { State } = await record(guest(), id);
    expect(State).toMatchObject({ Status: 'running', Running: true });
    expect(State.Pid).toBeGreaterThan(1);
    expect(await run(guest(), `cat /var/lib/dockhand/containers/${id}/pid`)).toBe(String(State.Pid));
    expect(await run(guest(), `cat /proc/${State.Pid}/comm`)).toBe('httpd');
    const [inner, host] = await Promise.all([
      run(guest(), `readlink /proc/${State.Pid}/ns/pid`), run(guest(), 'readlink /proc/self/ns/pid'),
    ]);
    expect(nsInode(inner)).not.toBe(nsInode(host));
  }, TEST_TIMEOUT);

  it('docker exec runs inside: PID 1 is the container\'s command, the exit status is the command\'s', async () => {
    expect(await run(guest(), 'docker exec web ps -o pid,args')).toMatch(/^PID +COMMAND\n +1 httpd -f -v -p 80 -h \/var\/www\n +\d+ ps -o pid,args$/);
    expect((await guest().exec("docker exec web sh -c 'exit 5'")).exitCode).toBe(5);
    expect(await run(guest(), "docker exec -e X=1 -w /var/www -u 65534 web sh -c 'echo $X $(pwd) $(id -u) $(hostname)'"))
      .toMatch(/^1 \/var\/www 65534 [0-9a-f]{12}$/);
    await run(guest(), "docker exec -d web sh -c 'echo from-d > /tmp/made'");
    expect(await run(guest(), 'for i in 1 2 3 4 5 6 7 8 9 10; do docker exec web cat /tmp/made 2>/dev/null && break; sleep 0.2; done')).toBe('from-d');
    const missing = await guest().exec('docker exec web no-such-command');
    expect(missing.exitCode).toBe(127);
  }, TEST_TIMEOUT);

  it('docker stop -t 1: SIGTERM, then SIGKILL; docker start runs it again; docker kill', async () => {
    const stopped = await guest().exec('docker stop -t 1 web');
    expect(stopped.exitCode).toBe(0);
    expect(stopped.stdout.trim()).toBe('web');
    const after = await record(guest(), webId);
    expect(after.State.Running).toBe(false);
    expect([137, 143]).toContain(after.State.ExitCode);
    expect((await guest().exec('docker exec web true')).exitCode).toBe(1);

    expect(await run(guest(), 'docker start web')).toBe('web');
    const restarted = await record(guest(), webId);
    expect(restarted.State.Running).toBe(true);
    expect(await run(guest(), 'docker exec web cat /proc/1/comm')).toBe('httpd');

    expect(await run(guest(), 'docker kill web')).toBe('web');
    expect((await record(guest(), webId)).State).toMatchObject({ Running: false, ExitCode: 137 });
    const again = await guest().exec('docker kill web');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('is not running');
  }, TEST_TIMEOUT);

  it('docker logs: stdout to stdout, stderr to stderr; --tail, -t, -f', async () => {
    const id = await run(guest(), "docker run -d busybox sh -c 'echo out; echo err >&2; sleep 0.3; echo last'");
    await run(guest(), `for i in $(seq 50); do grep -q '"Running":false' /var/lib/dockhand/containers/${id}/config.json && break; sleep 0.1; done`);
    const logs = await guest().exec(`docker logs ${id}`);
    expect(logs.exitCode).toBe(0);
    expect(logs.stdout).toBe('out\nlast\n');
    expect(logs.stderr).toBe('err\n');
    expect(await run(guest(), `docker logs --tail 1 ${id}`)).toBe('last');
    expect(await run(guest(), `docker logs -t ${id}`)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z out\n\S+ last$/);

    // -f follows until the container exits
    const follow = await guest().exec("docker logs -f $(docker run -d busybox sh -c 'echo a; sleep 1; echo b')");
    expect(follow.exitCode).toBe(0);
    expect(follow.stdout).toBe('a\nb\n');
  }, TEST_TIMEOUT);

  it('docker create + start, restart, and a start that fails leaves nothing mounted', async () => {
    const id = await run(guest(), "docker create --name made busybox sh -c 'echo ran'");
    expect(id).toMatch(ID);
    expect((await record(guest(), id)).State.Status).toBe('created');
    expect(await run(guest(), 'docker start made')).toBe('made');
    expect(await run(guest(), 'for i in $(seq 50); do docker logs made | grep -q ran && break; sleep 0.1; done; docker logs made')).toBe('ran');
    expect(await run(guest(), 'docker restart -t 1 made')).toBe('made');

    const failed = await guest().exec('docker run -d --name broken busybox no-such-command');
    expect(failed.exitCode).toBe(127);
    expect(failed.stderr).toContain('executable file not found in $PATH');
    expect(await run(guest(), "grep -l '\"/broken\"' /var/lib/dockhand/containers/*/config.json | wc -l")).toBe('0');
  }, TEST_TIMEOUT);

  it('--rm -d: the container disappears when it exits; --restart on-failure:2 retries twice', async () => {
    const id = await run(guest(), 'docker run --rm -d busybox sleep 1');
    expect(id).toMatch(ID);
    expect(await run(guest(), `test -d /var/lib/dockhand/containers/${id} && echo yes`)).toBe('yes');
    expect(await run(guest(), `for i in $(seq 50); do test -d /var/lib/dockhand/containers/${id} || break; sleep 0.1; done; test -d /var/lib/dockhand/containers/${id} && echo still || echo gone`)).toBe('gone');

    const retried = await run(guest(), "docker run -d --restart on-failure:2 busybox sh -c 'echo try; exit 3'");
    await run(guest(), `for i in $(seq 100); do grep -q '"RestartCount":2.*' /var/lib/dockhand/containers/${retried}/config.json && grep -q '"Status":"exited"' /var/lib/dockhand/containers/${retried}/config.json && break; sleep 0.1; done`);
    const rec = await record(guest(), retried);
    expect(rec.RestartCount).toBe(2);
    expect(rec.State).toMatchObject({ Status: 'exited', ExitCode: 3 });
    expect(await run(guest(), `docker logs ${retried}`)).toBe('try\ntry\ntry');
    expect((await guest().exec('docker run --rm --restart always busybox true')).exitCode).toBe(125);
  }, TEST_TIMEOUT);

  it('a foreground container has its Pid recorded, so exec and stop work on it', async () => {
    const fg = guest().exec('docker run --name fg busybox sleep 30', { timeoutMs: 30_000 });
    await run(guest(), `for i in $(seq 50); do grep -l '"/fg"' /var/lib/dockhand/containers/*/config.json 2>/dev/null | xargs grep -q '"Pid":[1-9]' && break; sleep 0.1; done`);
    expect(await run(guest(), 'docker exec fg cat /proc/1/cmdline | tr "\\0" " "')).toBe('sleep 30');
    expect(await run(guest(), 'docker stop -t 1 fg')).toBe('fg');
    expect((await fg).exitCode).toBe(137);
  }, TEST_TIMEOUT);

  it('leaves no mount or cgroup behind once every container has stopped', async () => {
    await run(guest(), 'for c in $(ls /var/lib/dockhand/containers); do docker kill $c >/dev/null 2>&1; done; true');
    expect(await run(guest(), 'grep -c " /var/lib/dockhand/containers/" /proc/mounts || true')).toBe('0');
    expect(await run(guest(), "ls /sys/fs/cgroup/dockhand | grep -c '^[0-9a-f]\\{64\\}$' || true")).toBe('0');
    expect(await run(guest(), 'ls /var/lib/dockhand/containers/*/exec-*.spec 2>/dev/null | wc -l')).toBe('0');
  }, TEST_TIMEOUT);
});
