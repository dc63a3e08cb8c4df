// Names in an OCI image layout's index.json: each entry points at a manifest, and the
// org.opencontainers.image.ref.name annotation names it (`busybox:latest`). Pure logic for
// the store's tag, untag and commit.
import { ANNOTATION_REF_NAME, type Descriptor, type ImageIndex } from './types';

/**
 * The index with `ref` naming `descriptor` (moved from whatever it named before; an image
 * left without names stays as a dangling entry), or with `descriptor` present unnamed.
 * `removeRef` removes a name instead.
 */
export function withRef(index: ImageIndex, descriptor: Descriptor, ref: string | undefined, removeRef?: string): ImageIndex {
  const refOf = (d: Descriptor) => d.annotations?.[ANNOTATION_REF_NAME];
  const gone = ref ?? removeRef;
  const before = index.manifests;
  let manifests = before.filter((d) => !(gone && refOf(d) === gone) && !(d.digest === descriptor.digest && !refOf(d)));
  if (ref) manifests.push({ ...descriptor, annotations: { [ANNOTATION_REF_NAME]: ref } });
  // every manifest that had an entry keeps at least one (unnamed: a dangling image)
  for (const digest of new Set(before.map((d) => d.digest))) {
    if (removeRef === undefined && digest === descriptor.digest) continue;
    if (!manifests.some((d) => d.digest === digest)) {
      const old = before.find((d) => d.digest === digest)!;
      manifests.push({ mediaType: old.mediaType, digest: old.digest, size: old.size });
    }
  }
  if (!ref && removeRef === undefined && !manifests.some((d) => d.digest === descriptor.digest)) {
    manifests.push({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size });
  }
  return { ...index, manifests };
}

