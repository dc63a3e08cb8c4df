// docker compose's pure half: the file (yaml.ts → normalize.ts → model.ts) and the plan
// (plan.ts). The commands that carry plans out live in commands/.

export { parseYaml, YamlError } from './yaml';
export type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml';
export { interpolate, interpolationEnv, parseEnvFile } from './interpolate';
export type { Env } from './interpolate';
export { loadProject } from './normalize';
export type { LoadOptions } from './normalize';
export type * from './model';
export { ComposeError } from './model';
export { normalizeProjectName, projectName, validateProjectName } from './project-name';
export { dependencyOrder } from './order';
export { LABEL, configHash, containerName, projectContainers, serviceContainer, serviceImage } from './labels';
export type { EngineState, ExistingContainer, ExistingObject } from './labels';
export { planDown, planUp, serviceOrder } from './plan';
export type { ContainerSpec, DownOptions, DownStep, Planned, UpOptions, UpStep, WaitFor } from './plan';
