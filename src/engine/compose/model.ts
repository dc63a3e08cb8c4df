// The compose model after normalization: every short syntax expanded to its long form,
// durations in seconds, sizes in bytes, names still short (the planner adds the project prefix).
// A practical subset of the Compose Specification (see README.md for what is left out).

export { YamlError as ComposeError } from './yaml-scalar';

export interface ComposeProject {
  /** the project name (see projectName) */
  name: string;
  /** directory that relative paths (bind mounts, build contexts) were resolved against */
  workingDir: string;
  /** in file order */
  services: ServiceConfig[];
  /** declared networks plus `default` (the one services join when they list none) */
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  /** things compose warns about but accepts (`version`, unset variables) */
  warnings: string[];
}

export interface NetworkConfig {
  /** the name on the engine: `<project>_<key>` unless `name:` or external says otherwise */
  name: string;
  external: boolean;
  driver: string;
  internal: boolean;
  labels: Record<string, string>;
}

export interface VolumeConfig {
  name: string;
  external: boolean;
  driver: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

export interface BuildConfig {
  /** absolute path */
  context: string;
  dockerfile: string;
  args: Record<string, string>;
  target?: string;
}

export interface PortMapping {
  /** container port */
  target: number;
  /** host port or range text (`8080`, `8080-8081`); undefined: an ephemeral port */
  published?: string;
  hostIp?: string;
  protocol: 'tcp' | 'udp';
}

export type ServiceMount =
  | { type: 'volume'; source?: string; target: string; readOnly: boolean; nocopy: boolean }
  | { type: 'bind'; source: string; target: string; readOnly: boolean; createHostPath: boolean }
  | { type: 'tmpfs'; target: string; size?: number; mode?: number };

export type DependCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  condition: DependCondition;
  restart: boolean;
  required: boolean;
}

export interface Healthcheck {
  /** `["NONE"]`, `["CMD", …]` or `["CMD-SHELL", "…"]` */
  test: string[];
  /** seconds */
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  startInterval?: number;
  retries?: number;
}

export interface ServiceConfig {
  name: string;
  /** line of the service's key in the file */
  line: number;
  image?: string;
  build?: BuildConfig;
  command?: string[];
  entrypoint?: string[];
  environment: Record<string, string>;
  ports: PortMapping[];
  volumes: ServiceMount[];
  /** network key → aliases; `{default: []}` when the service names none */
  networks: Record<string, { aliases: string[] }>;
  dependsOn: Record<string, Dependency>;
  restart: 'no' | 'always' | 'unless-stopped' | `on-failure${'' | `:${number}`}`;
  containerName?: string;
  hostname?: string;
  workingDir?: string;
  user?: string;
  healthcheck?: Healthcheck;
  labels: Record<string, string>;
  tty: boolean;
  stdinOpen: boolean;
  init: boolean;
  privileged: boolean;
  readOnly: boolean;
  capAdd: string[];
  capDrop: string[];
  /** bytes */
  memLimit?: number;
  pidsLimit?: number;
  cpus?: number;
  stopSignal?: string;
  /** seconds */
  stopGracePeriod?: number;
}
