// dockhandd: the container engine daemon, started at boot (/usr/sbin/dockhandd) and kept
// in the saved machine state, so no command pays for parsing the engine.
import * as std from 'std';
import { makeCli } from '../commands/cli';
import * as kernel from '../kernel';
import { cgroupPath, removeCgroup } from '../runtime/cgroups';
import { finishContainer, markExited } from '../runtime/lifecycle';
import { removeContainer } from '../runtime/supervisor';
import { unmountRootfs } from '../runtime/rootfs';
import { ContainerStore, containerDir } from '../store/container-store';
import { ImageStore, STORE_ROOT } from '../store/image-store';
import { ApiServer } from '../api/server';
import { VolumeStore } from '../store/volume-store';
import { serve } from './server';
import { NetworkStore } from '../network/store';
import { initNetworking } from '../runtime/networks';
import { refreshNat, restoreNat } from '../runtime/ports';
import { unpackWhenDelivered } from '../runtime/nftables';
import { removeDnsTable, startDnsServer } from '../runtime/dns';

/** The base images the host puts on the 9p share at first boot (public/images). */
const BASE_IMAGES = '/mnt/host/base-images.oci.tar';

kernel.ignoreSigpipe();
const images = new ImageStore();
const containers = new ContainerStore();
const volumes = new VolumeStore();
const networks = new NetworkStore();
initNetworking(networks, containers);
networks.onBridgesChanged = (network, change) => {
  if (change === 'removed') removeDnsTable(network);
  refreshNat();
};
// Listen first: a `docker` typed while the first boot still imports the base images then
// waits in the socket's backlog (served once the loading below is done) instead of
// finding no daemon at all.
const api = new ApiServer(images, containers, volumes);
api.listen();
containers.onChange((record, previous, removed) => api.containerChanged(record, previous, removed));
serve(withXray(makeCli({ images, containers, volumes, publish: (event) => api.publish(event) })));
try {
  images.load(BASE_IMAGES);
  // Imported: the copy on the share would only make the saved machine state bigger.
  kernel.remove(BASE_IMAGES);
} catch (error) {
  std.err.puts(`dockhandd: loading images: ${String(error)}\n`);
}
for (const id of containers.load()) removeLeftover(id);
removeBuildLeftovers();
// A container marked running when the daemon (re)starts lost its launcher: clean it up now.
for (const record of containers.list().filter((c) => c.State.Running)) {
  finishContainer(record);
  markExited(containers, record, 137);
  if (record.HostConfig.AutoRemove) removeContainer({ images, containers, volumes }, record, true);
}
// A restart the policy had scheduled is gone with the old daemon.
for (const record of containers.list().filter((c) => c.State.Status === 'restarting')) markExited(containers, record, record.State.ExitCode);
// Docker's predefined networks and the Linux bridges (docker0 …); containers on different
// networks cannot reach each other: the VM routes between no bridges (ip_forward 0) until
// nftables is there, then the NAT table's forward chain isolates them (runtime/ports.ts).
try {
  networks.ensureDefaults((id) => containers.list().some((c) => c.Id === id && c.State.Running));
  restoreNat();
  unpackWhenDelivered(() => {
    try {
      refreshNat();
    } catch (error) {
      std.err.puts(`dockhandd: nftables: ${String(error)}\n`);
    }
  });
  startDnsServer();
} catch (error) {
  std.err.puts(`dockhandd: networks: ${String(error)}\n`);
}
std.err.puts(`dockhandd: listening on /run/dockhand/engine.sock (${images.list().length} images)\n`);

/** A --rm container's directory, left by a daemon that stopped while it ran. */
function removeLeftover(id: string): void {
  try {
    unmountRootfs(id);
  } catch {
    // not mounted
  }
  if (kernel.exists(cgroupPath(id))) removeCgroup(id);
  kernel.removeTree(containerDir(id));
}

/** The scratch directories (and their mounts) of docker builds a stopped daemon left behind. */
function removeBuildLeftovers(): void {
  const root = `${STORE_ROOT}/build/`;
  const mounts = (kernel.readText('/proc/mounts') ?? '').split('\n').map((line) => line.split(' ')[1] ?? '');
  for (const target of mounts.filter((t) => t.startsWith(root)).reverse()) kernel.unmount(target);
  kernel.removeTree(`${STORE_ROOT}/build`);
}

/**
 * Each command's kernel steps go to the web app as one x-ray event. Steps taken between
 * commands (a detached container's exit, handled on SIGCHLD) go out as background work.
 */
function withXray(cli: ReturnType<typeof makeCli>): Parameters<typeof serve>[0] {
  let active = 0;
  let flushQueued = false;
  containers.onChange(() => {
    if (active > 0 || flushQueued) return;
    flushQueued = true;
    kernel.after(0, () => {
      flushQueued = false;
      if (active === 0) api.publishXray('', kernel.takeTrace(), 0);
    });
  });
  return async (client) => {
    if (active++ === 0) api.publishXray('', kernel.takeTrace(), 0);
    const started = kernel.nowMs();
    api.gate.started(started);
    try {
      await cli(client);
    } finally {
      active--;
      api.gate.ended(kernel.nowMs());
      api.publishXray(client.request.argv.join(' '), kernel.takeTrace(), kernel.nowMs() - started, started);
    }
  };
}
