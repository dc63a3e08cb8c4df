// What every `docker compose` command starts with: the compose file found and loaded as compose
// does (-f, else compose.yaml … in the client's directory or a parent; --project-directory; the
// .env beside it; -p), and the engine's state as the planner's plain data.
import { DOCKER } from '../cli/commands';
import { defaults, type FlagValues } from '../cli/flags';
import { flagList, flagString } from '../cli/parse';
import { loadProject, parseEnvFile, validateProjectName, YamlError } from '../compose';
import { projectFromLabels } from '../compose/from-labels';
import type { ComposeProject, EngineState } from '../compose';
import { resolvePath } from '../compose/read';
import * as kernel from '../kernel';
import { networkStore } from '../runtime/networks';
import type { CommandContext, Engine } from './context';

/** compose's default file names, in the order it looks for them. */
export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export interface LoadedProject {
  project: ComposeProject;
  /** absolute paths of the files read (the config_files label) */
  files: string[];
}

/** The file to read: -f (relative to the client's directory), else the first default name here or in a parent. */
function findFile(cwd: string, given: readonly string[]): { path: string; shown: string } | { error: string } {
  if (given.length > 1) return { error: 'Dockhand reads one compose file: merging several (-f a.yaml -f b.yaml) is not supported' };
  if (given[0] === '-') return { error: 'reading the compose file from stdin (-f -) is not supported by Dockhand' };
  if (given.length === 1) {
    const path = resolvePath(cwd, given[0]);
    if (!kernel.exists(path)) return { error: `open ${path}: no such file or directory` };
    return { path, shown: given[0] };
  }
  for (let dir = resolvePath('/', cwd); ; dir = resolvePath(dir, '..')) {
    for (const name of DEFAULT_FILES) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (kernel.exists(path)) return { path, shown: dir === cwd ? name : path };
    }
    if (dir === '/') return { error: 'no configuration file provided: not found' };
  }
}

/**
 * Reads and checks the project; prints the file's warnings (compose's `WARN[0000]` lines).
 * On an error prints it (with the file and line) and returns null: the command exits 1.
 * Without a file, `-p NAME` names a project the engine knows by its labels (`docker compose
 * -p demo down`), for the commands that need no file (`fromLabels`). `services`: the ones
 * named on the command line, which must exist (compose's `no such service: x`).
 */
export function loadComposeProject(
  ctx: Pick<CommandContext, 'io' | 'cmd' | 'engine'>, options: { fromLabels?: boolean; services?: readonly string[] } = {},
): LoadedProject | null {
  const loaded = readProject(ctx, options.fromLabels === true);
  const missing = loaded ? (options.services ?? []).find((s) => !loaded.project.services.some((svc) => svc.name === s)) : undefined;
  if (missing === undefined) return loaded;
  ctx.io.err(`no such service: ${missing}\n`);
  return null;
}

function readProject({ io, cmd, engine }: Pick<CommandContext, 'io' | 'cmd' | 'engine'>, fromLabels: boolean): LoadedProject | null {
  const cwd = io.request.cwd;
  const files = flagList(cmd.flags, 'file');
  const found = findFile(cwd, files);
  const named = flagString(cmd.flags, 'project-name');
  if ('error' in found && fromLabels && named && files.length === 0) {
    const invalid = validateProjectName(named);
    if (invalid) {
      io.err(`${invalid}\n`);
      return null;
    }
    return { project: projectFromLabels(engineState(engine), named), files: [] };
  }
  if ('error' in found) {
    io.err(`${found.error}\n`);
    return null;
  }
  const text = kernel.readText(found.path);
  if (text === null) {
    io.err(`open ${found.path}: permission denied\n`);
    return null;
  }
  const dirFlag = flagString(cmd.flags, 'project-directory');
  const workingDir = dirFlag ? resolvePath(cwd, dirFlag) : found.path.slice(0, found.path.lastIndexOf('/')) || '/';
  try {
    // the client's own environment is not sent to the engine: the variables come from .env
    const envText = kernel.readText(`${workingDir}/.env`);
    const env = envText === null ? {} : parseEnvFile(envText, {}, '.env');
    const project = loadProject(text, {
      file: found.shown, workingDir, env, projectName: flagString(cmd.flags, 'project-name') || undefined,
      readFile: (path) => kernel.readText(path),
    });
    for (const warning of project.warnings) io.err(`WARN[0000] ${warning}\n`);
    return { project, files: [found.path] };
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    io.err(`${error.message}\n`);
    return null;
  }
}

/** The engine as the planner sees it: containers with their labels, networks, volumes, image refs. */
export function engineState(engine: Engine, options: { containersOnly?: boolean } = {}): EngineState {
  const containers = engine.containers.list().map((c) => ({
    id: c.Id, name: c.Name.replace(/^\//, ''), labels: c.Config.Labels ?? {}, running: c.State.Running,
  }));
  if (options.containersOnly) return { containers, networks: [], volumes: [], images: [] };
  return {
    containers,
    networks: (networkStore()?.list() ?? []).map((n) => ({ name: n.Name, labels: n.Labels })),
    volumes: engine.volumes.list().map((v) => ({ name: v.Name, labels: v.Labels })),
    images: engine.images.list().flatMap((i) => i.refs),
  };
}

/**
 * A docker command line as if typed (`docker build -t web -f F DIR`), for compose to run the
 * same handler the CLI does: the command's defaults, then `values`.
 */
export function dockerCommand(path: string, values: FlagValues, args: readonly string[]): CommandContext['cmd'] {
  const command = DOCKER.commands.find((c) => c.path.join(' ') === path);
  if (!command) throw new Error(`no command docker ${path}`);
  return {
    kind: 'command', command, path: command.path, flags: { ...defaults(command.flags), ...values }, changed: Object.keys(values),
    args, global: {}, warnings: [],
  };
}
