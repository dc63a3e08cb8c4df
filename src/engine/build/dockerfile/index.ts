// The Dockerfile parser's public surface, for the builder (see ../README.md).
export { DockerfileError, type Checked } from './errors';
export type {
  ArgDeclaration, ArgInstruction, Command, CopyInstruction, Dockerfile, FromInstruction, Healthcheck, Instruction, Stage,
} from './instructions';
export { parseDockerfile, type ParseResult } from './parse';
export { findStage, resolveBase, resolveCopyFrom, stagesNeeded, targetStage, type StageRef } from './stages';
export {
  commandArgv, DEFAULT_PATH, PLATFORM_ARGS, evaluateFrom, evaluateStage, resolveMetaArgs,
  type EvaluateOptions, type Evaluated, type StageResult, type StageStep,
} from './evaluate';
export { HISTORY_COMMENT } from './history';
export { substitute, type Lookup } from './substitute';
export { cleanPath, isIgnored, parseDockerignore, type DockerignoreMatcher, type IgnorePattern } from './dockerignore';
