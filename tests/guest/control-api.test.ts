// The engine's control API over the control channel: engine.state (containers with their
// namespaces, cgroup, processes and mounts; images and their layers; the VM's processes) and
// the event stream (container lifecycle, the x-ray of each command's kernel steps).
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/protocol/engine';
import { TEST_TIMEOUT, nsInode, run, useGuest } from './guest';

const guest = useGuest();
/** the daemon's pid (its command line names engine.js; the pattern keeps the shell itself out) */
const DAEMON_PID = "for p in /proc/[0-9]*; do grep -q 'engine[.]js' $p/cmdline 2>/dev/null && echo ${p#/proc/}; done; true";

describe('the control API', () => {
  it('engine.state shows a detached container: its namespaces, cgroup, processes and rootfs', async () => {
    const id = await run(guest(), 'docker run -d --name web httpd-demo');
    const state = await guest().engineState();
    const web = state.containers.find((c) => c.name === 'web');
    expect(web).toMatchObject({ id, state: 'running', image: 'httpd-demo', exitCode: 0 });
    expect(web!.pid).toBeGreaterThan(1);
    const ns = web!.ns!;
    for (const kind of ['pid', 'mnt', 'uts', 'ipc', 'net'] as const) {
      expect(ns[kind]).toBe(nsInode(await run(guest(), `readlink /proc/${web!.pid}/ns/${kind}`)));
      expect(ns[kind]).not.toBe(state.hostNs[kind]);
    }
    expect(state.hostNs.pid).toBe(nsInode(await run(guest(), 'readlink /proc/1/ns/pid')));
    expect(web!.cgroup!.memoryCurrent).toBeGreaterThan(0);
    expect(web!.cgroup!.pidsCurrent).toBeGreaterThan(0);
    const httpd = web!.processes.find((p) => p.pid === web!.pid);
    expect(httpd).toMatchObject({ name: 'httpd', nspid: [web!.pid, 1] });
    expect(web!.rootfs.lower.length).toBeGreaterThan(0);
    expect(web!.rootfs.merged).toBe(`/var/lib/dockhand/containers/${id}/merged`);
    expect(web!.binds.map((b) => b.target)).toEqual(expect.arrayContaining(['/etc/hosts', '/etc/hostname']));
    // the VM's processes, with namespaces to group them by: httpd is in the container's
    const vmHttpd = state.processes.find((p) => p.pid === web!.pid);
    expect(vmHttpd?.ns.pid).toBe(ns.pid);
    expect(state.processes.find((p) => p.pid === 1)?.ns.pid).toBe(state.hostNs.pid);
    await run(guest(), 'docker rm -f web');
  }, TEST_TIMEOUT);

  it('engine.state lists the images with their layer chains; busybox\'s layer is shared by 4 images', async () => {
    const state = await guest().engineState();
    const busybox = state.images.find((i) => i.refs.includes('busybox:latest'))!;
    expect(busybox.layers.length).toBeGreaterThan(0);
    expect(busybox.layers[0].diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(busybox.layers[0].size).toBeGreaterThan(0);
    const shared = state.sharedLayers.find((l) => l.diffId === busybox.layers[0].diffId);
    expect(shared?.images).toHaveLength(4);
    expect(shared?.images).toContain(busybox.id);
  }, TEST_TIMEOUT);

  it('events: created, started, exited, removed for docker run --rm, and its x-ray', async () => {
    const events: EngineEvent[] = [];
    const off = guest().onEngineEvent((e) => events.push(e));
    await guest().engineState(); // answered after the subscription, on the same connection
    try {
      await run(guest(), 'docker run --rm --name once --memory 64m --pids-limit 50 busybox true');
      for (let i = 0; i < 50 && !events.some((e) => e.op === 'xray' && e.command.includes('run --rm')); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      off();
    }
    const lifecycle = events.filter((e) => e.op.startsWith('container.') && 'name' in e && e.name === 'once').map((e) => e.op);
    expect(lifecycle).toEqual(['container.created', 'container.started', 'container.exited', 'container.removed']);
    const exited = events.find((e) => e.op === 'container.exited');
    expect(exited).toMatchObject({ exitCode: 0 });
    const xray = events.find((e) => e.op === 'xray' && e.command === 'docker run --rm --name once --memory 64m --pids-limit 50 busybox true');
    if (xray?.op !== 'xray') throw new Error(`no x-ray event: ${JSON.stringify(events)}`);
    expect(xray.steps.find((s) => s.op === 'mount' && s.detail.includes('overlay'))).toBeTruthy();
    expect(xray.steps.filter((s) => s.op === 'write' && s.detail.includes('/sys/fs/cgroup/')).length).toBeGreaterThan(0);
    for (const step of xray.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    expect(xray.ms).toBeGreaterThan(0);
    // the launcher's own steps, on the same timeline, in order: namespaces, cgroup, root, capabilities
    const launcher = xray.steps.filter((s) => s.by === 'launcher');
    const order = ['clone', 'unshare', 'write', 'mount', 'pivot_root', 'prctl', 'capset'].map((op) => launcher.findIndex((s) => s.op === op));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]))).toBe(true);
    expect(launcher[0].detail).toContain('CLONE_NEWPID');
    // on the default bridge the network namespace comes with the clone (the launcher puts the veth's end there)
    expect(launcher[0].detail).toContain('CLONE_NEWNET');
    expect(launcher.find((s) => s.op === 'unshare')!.detail).toBe('CLONE_NEWNS CLONE_NEWUTS CLONE_NEWIPC');
    expect(launcher.filter((s) => s.op === 'netlink').map((s) => s.detail.split(' ')[0])).toEqual(['RTM_NEWLINK', 'RTM_NEWLINK', 'RTM_NEWADDR', 'RTM_NEWLINK', 'RTM_NEWROUTE']);
    expect(launcher.find((s) => s.op === 'write')!.detail).toMatch(/^0 > \/sys\/fs\/cgroup\/dockhand\/[0-9a-f]{64}\/cgroup.procs/);
    const at = xray.steps.map((s) => s.at!);
    expect(at.every((t, i) => t >= 0 && t <= xray.ms && (i === 0 || t >= at[i - 1]))).toBe(true);
  }, TEST_TIMEOUT);

  it('no events are sent until the host asks for them', async () => {
    const events: EngineEvent[] = [];
    const off = guest().onEngineEvent((e) => events.push(e));
    off(); // the last listener leaves: the session unsubscribes
    await guest().engineState();
    // a raw listener on the channel would still see any event the guest sent
    const raw: unknown[] = [];
    const offRaw = guest().control.onEvent((e) => raw.push(e));
    try {
      await run(guest(), 'docker run --rm busybox true');
      await new Promise((r) => setTimeout(r, 500));
      expect(raw).toEqual([]);
    } finally {
      offRaw();
    }
  }, TEST_TIMEOUT);

  it('a detached container\'s exit is an event too, with its exit code', async () => {
    const events: EngineEvent[] = [];
    const off = guest().onEngineEvent((e) => events.push(e));
    await guest().engineState();
    try {
      await run(guest(), "docker run -d --name bg busybox sh -c 'sleep 0.2; exit 3'");
      for (let i = 0; i < 100 && !events.some((e) => e.op === 'container.exited'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(events.find((e) => e.op === 'container.exited')).toMatchObject({ name: 'bg', exitCode: 3 });
      // the clean-up after the exit happened between commands: an x-ray of background work
      // (other background work, such as unpacking nftables, has x-rays of its own)
      const cleanup = (e: EngineEvent) => e.op === 'xray' && e.command === '' && e.steps.some((s) => s.op === 'umount');
      for (let i = 0; i < 20 && !events.some(cleanup); i++) await new Promise((r) => setTimeout(r, 100));
      expect(events.some(cleanup)).toBe(true);
      expect((await guest().engineState()).containers.find((c) => c.name === 'bg')).toMatchObject({ state: 'exited', exitCode: 3, pid: 0 });
      await run(guest(), 'docker rm bg');
    } finally {
      off();
    }
  }, TEST_TIMEOUT);

  it('the agent reconnects when the daemon restarts', async () => {
    const daemon = await run(guest(), DAEMON_PID);
    expect(daemon).toMatch(/^\d+$/);
    await run(guest(), `kill ${daemon}`);
    let state;
    for (let i = 0; i < 40 && !state; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = await guest().engineState(5000).catch(() => undefined);
    }
    expect(state?.images.length).toBeGreaterThan(0);
    expect(await run(guest(), DAEMON_PID)).not.toBe(daemon);
  }, TEST_TIMEOUT);
});
