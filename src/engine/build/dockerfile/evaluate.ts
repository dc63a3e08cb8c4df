// Build-time evaluation, still pure: given the build args and the base image's config, each
// instruction of a stage with its words substituted, the config after it, and the history
// line Docker records. The builder runs RUN and COPY for real and calls this for the rest.
import type { ContainerConfig, HistoryEntry } from '../../oci/types';
import { DockerfileError } from './errors';
import type { Dockerfile, Instruction, Stage } from './instructions';
import {
  goHealthcheck, goList, goPortSet, goQuoteList, layerHistory, metadataHistory, runCreatedBy,
} from './history';
import { resolveBase, resolveCopyFrom, type StageRef } from './stages';
import { substitute, substituteAll, type Lookup } from './substitute';
import { checkSignal, isRemoteSource, parseChmod, parsePortSpec } from './values';
import { splitWhitespace } from './words';
import { absoluteDest, copyConfig, normalizePath, setEnv, splitEnv } from './config';

export type Evaluated<T> = { ok: true; value: T } | { ok: false; error: DockerfileError };

/** Docker's PATH for an image that sets none (scratch). */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_SHELL = ['/bin/sh', '-c'];

export interface StageStep {
  /** the instruction with its words substituted (RUN, CMD, ENTRYPOINT: as written) */
  instruction: Instruction;
  history: HistoryEntry;
  /** RUN: what to execute in a container of the stage so far */
  run?: { argv: string[]; env: string[]; workdir: string; user: string };
  /** COPY and ADD: what to copy where; `dest` is absolute (a trailing `/` kept) */
  copy?: { from?: StageRef; sources: string[]; dest: string; chown?: string; chmod?: number; unpack: boolean };
  /** WORKDIR: the directory to create (BuildKit makes it, owned by USER) */
  mkdir?: string;
}

export interface StageResult {
  steps: StageStep[];
  /** the image config after the last instruction */
  config: ContainerConfig;
  /** MAINTAINER, the image's `author` */
  author?: string;
  /** every ARG name the stage declared, for the "build-args were not consumed" warning */
  declaredArgs: string[];
}

/** BuildKit's automatic platform ARGs; Dockhand's guest is 32-bit x86, for builder and target alike. */
export const PLATFORM_ARGS: Record<string, string> = {
  BUILDPLATFORM: 'linux/386', BUILDOS: 'linux', BUILDARCH: '386', BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/386', TARGETOS: 'linux', TARGETARCH: '386', TARGETVARIANT: '',
};

/**
 * The meta ARGs (before the first FROM), with `--build-arg` overriding their defaults, plus
 * the automatic platform ARGs, which every FROM line sees without declaring them.
 */
export function resolveMetaArgs(dockerfile: Dockerfile, buildArgs: Record<string, string>): Evaluated<Map<string, string>> {
  const values = new Map<string, string>(Object.entries(PLATFORM_ARGS));
  for (const arg of dockerfile.metaArgs) {
    for (const decl of arg.args) {
      if (has(buildArgs, decl.name)) values.set(decl.name, buildArgs[decl.name]);
      else if (decl.default !== undefined) {
        const v = substitute(decl.default, (n) => values.get(n), { escape: dockerfile.escape });
        if (!v.ok) return failure(dockerfile, arg.line, v.error);
        values.set(decl.name, v.value);
      }
    }
  }
  return { ok: true, value: values };
}

/** A stage's FROM with the meta ARGs substituted, and what it names. */
export function evaluateFrom(
  dockerfile: Dockerfile, stage: Stage, metaArgs: Map<string, string>,
): Evaluated<{ image: string; platform?: string; base: StageRef }> {
  const { from } = stage;
  const words = substituteAll([from.image, from.platform ?? ''], (n) => metaArgs.get(n), { escape: dockerfile.escape });
  if (!words.ok) return failure(dockerfile, from.line, words.error);
  const [image, platform] = words.value;
  const base = resolveBase(image, dockerfile.stages, stage.index);
  if (!base.ok) return failure(dockerfile, from.line, base.error);
  return { ok: true, value: { image, ...(from.platform ? { platform } : {}), base: base.value } };
}

export interface EvaluateOptions {
  /** `--build-arg NAME=value` */
  buildArgs: Record<string, string>;
  /** from resolveMetaArgs */
  metaArgs: Map<string, string>;
  /** the config of what FROM named: the pulled image's, an earlier stage's result, {} for scratch */
  base: ContainerConfig;
}

/** Walks a stage's instructions in order; stops at the first error, with its line. */
export function evaluateStage(dockerfile: Dockerfile, stage: Stage, options: EvaluateOptions): Evaluated<StageResult> {
  const config = copyConfig(options.base);
  if (!(config.Env ?? []).some((e) => e.startsWith('PATH='))) config.Env = [DEFAULT_PATH, ...(config.Env ?? [])];
  // What commands and substitution see: the config's Env plus the ARGs, the latest winning.
  const state = new Map<string, string>((config.Env ?? []).map((e) => splitEnv(e)));
  const args: { name: string; value?: string }[] = [];
  const lookup: Lookup = (n) => state.get(n);
  const result: StageResult = { steps: [], config, declaredArgs: [] };
  let cmdSet = false;

  for (const instruction of stage.instructions) {
    const fail = (problem: string) => failure(dockerfile, instruction.line, problem);
    const words = (list: string[]) => substituteAll(list, lookup, { escape: dockerfile.escape });
    const step = (history: HistoryEntry, expanded: Instruction = instruction, extra: Partial<StageStep> = {}) =>
      result.steps.push({ instruction: expanded, history, ...extra });
    switch (instruction.kind) {
      case 'ENV':
      case 'LABEL': {
        // Every pair is substituted before any is set: `ENV A=2 B=$A` gives B the old A.
        const w = words(instruction.pairs.flatMap((p) => [p.key, p.value]));
        if (!w.ok) return fail(w.error);
        const pairs = instruction.pairs.map((_, i) => ({ key: w.value[2 * i], value: w.value[2 * i + 1] }));
        for (const { key, value } of pairs) {
          if (instruction.kind === 'LABEL') config.Labels = { ...config.Labels, [key]: value };
          else {
            config.Env = setEnv(config.Env ?? [], key, value);
            state.set(key, value);
          }
        }
        step(metadataHistory(`${instruction.kind} ${pairs.map((p) => `${p.key}=${p.value}`).join(' ')}`), { ...instruction, pairs });
        break;
      }
      case 'ARG': {
        const shown: string[] = [];
        for (const decl of instruction.args) {
          let value: string | undefined;
          if (has(options.buildArgs, decl.name)) value = options.buildArgs[decl.name];
          else if (decl.default !== undefined) {
            const v = words([decl.default]);
            if (!v.ok) return fail(v.error);
            value = v.value[0];
          } else value = options.metaArgs.get(decl.name); // `ARG NAME` brings a meta ARG into the stage
          if (value !== undefined) state.set(decl.name, value);
          args.push({ name: decl.name, value });
          result.declaredArgs.push(decl.name);
          shown.push(value === undefined ? decl.name : `${decl.name}=${value}`);
        }
        step(metadataHistory(`ARG ${shown.join(' ')}`));
        break;
      }
      case 'WORKDIR': {
        const w = words([instruction.path]);
        if (!w.ok) return fail(w.error);
        const dir = normalizePath(w.value[0].startsWith('/') ? w.value[0] : `${config.WorkingDir || '/'}/${w.value[0]}`);
        config.WorkingDir = dir;
        // BuildKit makes a layer only when there is a directory to create.
        const history = dir === '/' ? metadataHistory(`WORKDIR ${dir}`) : layerHistory(`WORKDIR ${dir}`, false);
        step(history, { ...instruction, path: dir }, dir === '/' ? {} : { mkdir: dir });
        break;
      }
      case 'USER':
      case 'STOPSIGNAL': {
        const w = words([instruction.kind === 'USER' ? instruction.user : instruction.signal]);
        if (!w.ok) return fail(w.error);
        const value = w.value[0];
        if (instruction.kind === 'USER') {
          config.User = value;
          step(metadataHistory(`USER ${value}`), { ...instruction, user: value });
        } else {
          const checked = checkSignal(value);
          if (!checked.ok) return fail(checked.error);
          config.StopSignal = value;
          step(metadataHistory(`STOPSIGNAL ${value}`), { ...instruction, signal: value });
        }
        break;
      }
      case 'EXPOSE': {
        const w = words(instruction.ports);
        if (!w.ok) return fail(w.error);
        const specs = w.value.flatMap(splitWhitespace);
        const keys: string[] = [];
        for (const spec of specs) {
          const parsed = parsePortSpec(spec);
          if (!parsed.ok) return fail(parsed.error);
          keys.push(...parsed.value);
        }
        config.ExposedPorts = { ...config.ExposedPorts, ...Object.fromEntries(keys.map((k) => [k, {}])) };
        step(metadataHistory(`EXPOSE ${goPortSet(keys)}`), { ...instruction, ports: specs });
        break;
      }
      case 'VOLUME': {
        const w = words(instruction.paths);
        if (!w.ok) return fail(w.error);
        if (w.value.some((p) => p === '')) return fail('VOLUME specified can not be an empty string');
        config.Volumes = { ...config.Volumes, ...Object.fromEntries(w.value.map((p) => [p, {}])) };
        step(metadataHistory(`VOLUME ${goList(w.value)}`), { ...instruction, paths: w.value });
        break;
      }
      case 'SHELL':
        config.Shell = [...instruction.argv];
        step(metadataHistory(`SHELL ${goList(instruction.argv)}`));
        break;
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = commandArgv(instruction.command, config.Shell);
        if (instruction.kind === 'CMD') {
          config.Cmd = argv;
          cmdSet = true;
        } else {
          config.Entrypoint = argv;
          if (!cmdSet) config.Cmd = null; // a new ENTRYPOINT drops the base image's CMD
        }
        step(metadataHistory(`${instruction.kind} ${goQuoteList(argv)}`));
        break;
      }
      case 'HEALTHCHECK': {
        const h = instruction.healthcheck;
        config.Healthcheck = {
          Test: h.test, Interval: h.interval, Timeout: h.timeout, StartPeriod: h.startPeriod,
          StartInterval: h.startInterval, Retries: h.retries,
        };
        step(metadataHistory(`HEALTHCHECK ${goHealthcheck(h)}`));
        break;
      }
      case 'MAINTAINER':
        result.author = instruction.name;
        step(metadataHistory(`MAINTAINER ${instruction.name}`));
        break;
      case 'RUN': {
        const argv = commandArgv(instruction.command, config.Shell);
        const env = [...state].map(([k, v]) => `${k}=${v}`);
        const shown = args.map((a) => ({ name: a.name, value: state.get(a.name) ?? a.value ?? '' }));
        step(layerHistory(runCreatedBy(argv, shown)), instruction, {
          run: { argv, env, workdir: config.WorkingDir || '/', user: config.User ?? '' },
        });
        break;
      }
      case 'COPY':
      case 'ADD': {
        const i = instruction;
        const w = words([...i.sources, i.dest, i.from ?? '', i.chown ?? '', i.chmod ?? '']);
        if (!w.ok) return fail(w.error);
        const n = i.sources.length;
        const [dest, from, chown, chmod] = w.value.slice(n);
        const sources = w.value.slice(0, n);
        const remote = sources.find(isRemoteSource);
        if (remote !== undefined) {
          return fail(i.kind === 'ADD' ? `ADD from a URL needs the network, which Dockhand's guest does not have: ${remote}`
            : `source can't be a URL for COPY: ${remote}`);
        }
        let fromRef: StageRef | undefined;
        if (i.from !== undefined) {
          const r = resolveCopyFrom(from, dockerfile.stages, stage.index);
          if (!r.ok) return fail(r.error);
          fromRef = r.value;
        }
        const mode = i.chmod === undefined ? undefined : parseChmod(chmod);
        if (mode !== undefined && !mode.ok) return fail(mode.error);
        const flags = [...(i.chown !== undefined ? [`--chown=${chown}`] : []), ...(i.chmod !== undefined ? [`--chmod=${chmod}`] : [])];
        const expanded = {
          ...i, sources, dest, ...(i.from !== undefined ? { from } : {}),
          ...(i.chown !== undefined ? { chown } : {}), ...(i.chmod !== undefined ? { chmod } : {}),
        };
        step(layerHistory([i.kind, ...flags, ...sources, dest].join(' ')), expanded, {
          copy: {
            ...(fromRef ? { from: fromRef } : {}), sources, dest: absoluteDest(dest, config.WorkingDir || '/'),
            ...(i.chown !== undefined ? { chown } : {}), ...(mode?.ok ? { chmod: mode.value } : {}), unpack: i.kind === 'ADD',
          },
        });
        break;
      }
      case 'FROM':
        break; // not inside a stage's list
    }
  }
  return { ok: true, value: result };
}

/** Exec form as is; shell form through the current SHELL (`["/bin/sh","-c",text]`). */
export function commandArgv(command: Extract<Instruction, { kind: 'RUN' }>['command'], shell?: string[]): string[] {
  return command.form === 'exec' ? [...command.argv] : [...(shell && shell.length > 0 ? shell : DEFAULT_SHELL), command.text];
}

// Object.hasOwn is ES2022 but younger than some QuickJS builds.
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function failure(dockerfile: Dockerfile, line: number, problem: string): { ok: false; error: DockerfileError } {
  return { ok: false, error: new DockerfileError(line, problem, dockerfile.filename) };
}
