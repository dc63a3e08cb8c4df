// dockhandd: the container engine daemon, started at boot (/usr/sbin/dockhandd) and kept
// in the saved machine state, so no command pays for parsing the engine.
import * as std from 'std';
import { makeCli } from '../commands/cli';
import * as kernel from '../kernel';
import { finishContainer, markExited } from '../runtime/lifecycle';
import { ContainerStore } from '../store/container-store';
import { ImageStore } from '../store/image-store';
import { serve } from './server';

/** The base images the host puts on the 9p share at first boot (public/images). */
const BASE_IMAGES = '/mnt/host/base-images.oci.tar';

kernel.ignoreSigpipe();
const images = new ImageStore();
const containers = new ContainerStore();
// Listen first: a `docker` typed while the first boot still imports the base images then
// waits in the socket's backlog (served once the loading below is done) instead of
// finding no daemon at all.
serve(makeCli({ images, containers }));
try {
  images.load(BASE_IMAGES);
  // Imported: the copy on the share would only make the saved machine state bigger.
  kernel.remove(BASE_IMAGES);
} catch (error) {
  std.err.puts(`dockhandd: loading images: ${String(error)}\n`);
}
containers.load();
// A container marked running when the daemon (re)starts lost its launcher: clean it up now.
for (const record of containers.list().filter((c) => c.State.Running)) {
  finishContainer(record);
  markExited(containers, record, 137);
  if (record.HostConfig.AutoRemove) containers.remove(record.Id);
}
// A restart the policy had scheduled is gone with the old daemon.
for (const record of containers.list().filter((c) => c.State.Status === 'restarting')) markExited(containers, record, record.State.ExitCode);
std.err.puts(`dockhandd: listening on /run/dockhand/engine.sock (${images.list().length} images)\n`);
