// The OCI image-spec v1.1 documents the engine reads and writes (index, manifest, image
// config) and the media types that name them. Field names are the spec's, so a document
// parsed with JSON.parse can be used as is.

export const MEDIA_TYPE = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar',
  layerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  layerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  /** what `docker save` wrote before OCI layouts; still met in the wild */
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** The annotation that names an image in an index (`busybox:latest`, or just `latest`). */
export const ANNOTATION_REF_NAME = 'org.opencontainers.image.ref.name';
/** `oci-layout` file contents */
export const IMAGE_LAYOUT_VERSION = '1.0.0';

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

/** A pointer to a blob: its type, digest and size in bytes. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: typeof MEDIA_TYPE.index;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: typeof MEDIA_TYPE.manifest;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** `{}`-valued sets, as Go marshals map[string]struct{} (ExposedPorts, Volumes). */
export type EmptySet = Record<string, Record<string, never>>;

export interface Healthcheck {
  /** `["NONE"]`, `["CMD", args…]` or `["CMD-SHELL", command]` */
  Test?: string[];
  /** nanoseconds, as Docker stores durations */
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** What a container started from the image gets by default. */
export interface ContainerConfig {
  User?: string;
  /** keys like `80/tcp` */
  ExposedPorts?: EmptySet;
  /** `KEY=value` */
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: EmptySet;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  /** Docker's extension of the OCI config */
  Healthcheck?: Healthcheck;
  ArgsEscaped?: boolean;
  OnBuild?: string[] | null;
  Shell?: string[];
}

export interface HistoryEntry {
  /** RFC 3339 */
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  /** a step that changed only the config (ENV, CMD…) and made no layer */
  empty_layer?: boolean;
}

export interface ImageConfig {
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  variant?: string;
  config?: ContainerConfig;
  rootfs: {
    type: 'layers';
    /** digests of the uncompressed layer tars, bottom layer first */
    diff_ids: string[];
  };
  history?: HistoryEntry[];
}

/** The `oci-layout` file at the root of a layout. */
export interface ImageLayout {
  imageLayoutVersion: string;
}

/** Layers that count for the rootfs: history entries without empty_layer, in order. */
export function layerHistory(config: ImageConfig): HistoryEntry[] {
  return (config.history ?? []).filter((h) => !h.empty_layer);
}
