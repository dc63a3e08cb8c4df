// The build's progress lines, in the classic builder's shape (`Step 2/4 : RUN …`,
// ` ---> Using cache`, ` ---> 3f2a…`), with each new layer's size and time. Pure.
import { humanSize } from '../format/human';
import { shortId } from '../oci/digest';

/** ` ---> ` text for a layer: its diff_id's short form and size (Dockhand keeps no intermediate images to name). */
export function describeLayer(diffId: string, size: number): string {
  return `${shortId(diffId)} (layer, ${humanSize(size)})`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The last lines of a successful build. */
export function successLines(imageId: string, tags: readonly string[]): string {
  return [`Successfully built ${shortId(imageId)}`, ...tags.map((t) => `Successfully tagged ${t}`)].join('\n') + '\n';
}
