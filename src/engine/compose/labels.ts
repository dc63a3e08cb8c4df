// The labels compose puts on what it creates, and the engine state the planner reads: the
// labels are how a later `up`, `ps` or `down` finds the project's containers again.

import { canonicalJson } from '../oci/digest';
import { sha256Hex } from './hash';
import type { ComposeProject, ServiceConfig } from './model';

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
} as const;

/** What the planner needs to know about the engine, as plain data. */
export interface EngineState {
  containers: ExistingContainer[];
  networks: ExistingObject[];
  volumes: ExistingObject[];
  /** image references present locally (`busybox`, `web:1`, `app-web:latest`) */
  images: string[];
}
export interface ExistingContainer {
  id: string;
  name: string;
  labels: Record<string, string>;
  running: boolean;
}
export interface ExistingObject {
  name: string;
  labels: Record<string, string>;
}

/** `<project>-<service>-1`, or the service's container_name. */
export function containerName(project: string, service: ServiceConfig, number = 1): string {
  return service.containerName ?? `${project}-${service.name}-${number}`;
}

/** The image a service runs: `image:`, or `<project>-<service>` for a build without one. */
export function serviceImage(project: string, service: ServiceConfig): string {
  return service.image ?? `${project}-${service.name}`;
}

/** `busybox` and `busybox:latest` are the same image. */
export function sameImage(a: string, b: string): boolean {
  const full = (ref: string) => (/[:@]/.test(ref.slice(ref.lastIndexOf('/') + 1)) ? ref : `${ref}:latest`);
  return full(a) === full(b);
}

/**
 * The config hash: sha256 of the service as configured, leaving out what does not change the
 * container (its line in the file, how the image is built, whom it depends on).
 */
export function configHash(project: string, service: ServiceConfig): string {
  const { line: _line, build: _build, dependsOn: _dependsOn, ...rest } = service;
  return sha256Hex(canonicalJson({ ...rest, image: serviceImage(project, service) }));
}

export function containerLabels(project: ComposeProject, service: ServiceConfig, configFiles: string[]): Record<string, string> {
  const labels: Record<string, string> = {
    ...service.labels,
    [LABEL.project]: project.name,
    [LABEL.service]: service.name,
    [LABEL.number]: '1',
    [LABEL.oneoff]: 'False',
    [LABEL.configHash]: configHash(project.name, service),
    [LABEL.workingDir]: project.workingDir,
    [LABEL.dependsOn]: Object.entries(service.dependsOn).map(([n, d]) => `${n}:${d.condition}:${d.restart}`).join(','),
    [LABEL.image]: serviceImage(project.name, service),
  };
  if (configFiles.length > 0) labels[LABEL.configFiles] = configFiles.join(',');
  return labels;
}

/** The project's containers (not one-off `run` containers), as `ps` lists them. */
export function projectContainers(state: EngineState, project: string): ExistingContainer[] {
  return state.containers.filter((c) => c.labels[LABEL.project] === project && c.labels[LABEL.oneoff] !== 'True');
}

/** The container of one service (number 1), as `logs` and `exec` need it. */
export function serviceContainer(state: EngineState, project: string, service: string): ExistingContainer | undefined {
  return projectContainers(state, project)
    .filter((c) => c.labels[LABEL.service] === service)
    .sort((a, b) => Number(a.labels[LABEL.number] ?? 0) - Number(b.labels[LABEL.number] ?? 0))[0];
}
