// docker build: the Dockerfile's stages in order, each step evaluated by dockerfile/ (pure)
// and the filesystem-changing ones (RUN, COPY, ADD, WORKDIR) done for real in step-rootfs.ts;
// every such step becomes a layer on top of the ones before (or comes from the cache), the
// others change only the image config. The result is an ordinary image in the store.
import type { BuildEvent } from '../../protocol/engine';
import * as kernel from '../kernel';
import { shortId } from '../oci/digest';
import type { ContainerConfig, Descriptor, HistoryEntry, ImageConfig } from '../oci/types';
import type { ImageStore, StoredImage } from '../store/image-store';
import { BuildCache, cacheKey } from './cache';
import { directoryTree } from './context-tree';
import { planCopy, type CopyOp } from './copy-plan';
import {
  evaluateFrom, evaluateStage, resolveMetaArgs, stagesNeeded, targetStage, type Dockerfile, type DockerignoreMatcher, type StageRef, type StageStep,
} from './dockerfile';
import { describeLayer, formatSeconds } from './progress';
import { StepRootfs, type NewLayer } from './step-rootfs';

export interface BuildRequest {
  dockerfile: Dockerfile;
  contextDir: string;
  ignore?: DockerignoreMatcher;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  target?: string;
  noCache: boolean;
  quiet: boolean;
  /** a fresh directory for the build's scratch files */
  workDir: string;
  buildId: string;
}

export interface BuildIO {
  /** progress lines (not called with -q) */
  out(text: string): void;
  /** runs the launcher with a spec in the client (a RUN step); its exit status */
  launch(specPath: string): Promise<number>;
  publish(event: BuildEvent): void;
}

export type BuildResult = { ok: true; image: StoredImage } | { ok: false; message: string };

/** A stage's outcome: its layer chain, config and history. */
interface Built {
  diffIds: string[]; layers: Descriptor[]; config: ContainerConfig; history: HistoryEntry[]; author?: string;
  /** the time of the newest step so far: config-only steps and the image take it, so a fully cached rebuild is byte-identical */
  created: string;
}

class BuildFailure extends Error {}

/** The cache's record of a step that changed nothing. */
const NO_LAYER: NewLayer = { diffId: '', descriptor: { mediaType: '', digest: '', size: 0 }, size: 0 };

export async function build(images: ImageStore, request: BuildRequest, io: BuildIO): Promise<BuildResult> {
  try {
    return { ok: true, image: await new Builder(images, request, io).run() };
  } catch (error) {
    if (error instanceof BuildFailure) return { ok: false, message: error.message };
    throw error;
  }
}

class Builder {
  private readonly cache = new BuildCache();
  private readonly built = new Map<number, Built>();
  private stepNumber = 0;
  private total = 0;

  constructor(private readonly images: ImageStore, private readonly request: BuildRequest, private readonly io: BuildIO) {}

  async run(): Promise<StoredImage> {
    const { dockerfile, buildArgs, target } = this.request;
    const targeted = targetStage(dockerfile, target);
    if (!targeted.ok) throw new BuildFailure(targeted.error);
    const needed = stagesNeeded(dockerfile, targeted.value);
    this.total = needed.reduce((n, i) => n + 1 + dockerfile.stages[i].instructions.length, 0);
    const meta = check(resolveMetaArgs(dockerfile, buildArgs));
    for (const index of needed) {
      const stage = dockerfile.stages[index];
      const from = check(evaluateFrom(dockerfile, stage, meta));
      this.begin(stage.from.line, stage.from.original);
      const base = this.base(from.base, from.image, stage.from.line);
      this.say(` ---> ${from.base.kind === 'image' ? shortId(this.images.find(from.image)!.id) : from.base.kind === 'scratch' ? 'scratch (no layers)' : `stage ${from.image}`}\n`);
      const evaluated = check(evaluateStage(dockerfile, stage, { buildArgs, metaArgs: meta, base: base.config }));
      const result: Built = { ...base, diffIds: [...base.diffIds], layers: [...base.layers], history: [...base.history], config: evaluated.config };
      if (evaluated.author) result.author = evaluated.author;
      for (const step of evaluated.steps) await this.step(step, result);
      this.built.set(index, result);
    }
    return this.finish(this.built.get(targeted.value.index)!);
  }

  /** What FROM names: an image in the store, an earlier stage, or nothing (scratch). */
  private base(ref: StageRef, image: string, line: number): Built {
    if (ref.kind === 'scratch') return { diffIds: [], layers: [], config: {}, history: [], created: '1970-01-01T00:00:00Z' };
    if (ref.kind === 'stage') return this.built.get(ref.index)!;
    const found = this.images.find(image);
    if (!found) {
      this.fail(line, `pull access denied for ${image}, repository does not exist (Dockhand has no registry: docker images lists the images there are)`);
    }
    return {
      diffIds: [...found.diffIds], layers: [...found.manifest.layers], config: found.config.config ?? {},
      history: [...(found.config.history ?? [])], created: found.config.created ?? '1970-01-01T00:00:00Z',
    };
  }

  private async step(step: StageStep, result: Built): Promise<void> {
    const started = kernel.nowMs();
    const { line, original } = step.instruction;
    this.begin(line, original);
    if (!step.run && !step.copy && !step.mkdir) {
      result.history.push({ ...step.history, created: result.created });
      this.say(' ---> (config only: no new layer)\n');
      this.event(line, original, 'config', { ms: kernel.nowMs() - started });
      return;
    }
    const rootfs = new StepRootfs(`${this.request.workDir}/step-${this.stepNumber}`, result.diffIds);
    try {
      // mounted only on a cache miss: a cached step costs no overlay mount
      const key = cacheKey(result.diffIds, await this.inputs(step, rootfs, result));
      const cached = this.request.noCache ? null : this.cache.get(key);
      let layer: NewLayer | null;
      if (cached) {
        this.say(' ---> Using cache\n');
        layer = cached.diffId ? cached : null;
        result.created = cached.created ?? result.created;
      } else {
        layer = await this.execute(step, rootfs, result);
        result.created = new Date().toISOString();
        this.cache.put(key, { ...(layer ?? NO_LAYER), created: result.created });
      }
      const ms = kernel.nowMs() - started;
      const history = { ...step.history, created: result.created };
      if (!layer) {
        result.history.push({ ...history, empty_layer: true });
        this.say(' ---> (nothing changed: no new layer)\n');
        this.event(line, original, 'config', { ms });
        return;
      }
      result.diffIds.push(layer.diffId);
      result.layers.push(layer.descriptor);
      result.history.push(history);
      this.say(` ---> ${describeLayer(layer.diffId, layer.size)}${cached ? '' : `, ${formatSeconds(ms)}`}\n`);
      this.event(line, original, cached ? 'cached' : 'layer', { diffId: layer.diffId, size: layer.size, ms });
    } finally {
      rootfs.dispose();
    }
  }

  /** Everything the step's result depends on besides the layers below (the cache key). */
  private async inputs(step: StageStep, rootfs: StepRootfs, result: Built): Promise<unknown> {
    if (step.run) return { run: step.run, createdBy: step.history.created_by };
    if (step.mkdir) return { mkdir: step.mkdir, user: result.config.User ?? '' };
    const copy = step.copy!;
    const source = this.copySource(copy.from, step.instruction.line);
    try {
      const ops = this.plan(step, rootfs, source.root, source.ignore);
      const files = ops.filter((o) => o.kind === 'file').map((o) => (o.from ? `${source.root}/${o.from}` : source.root));
      return {
        copy: { ...copy, from: undefined }, createdBy: step.history.created_by, ops: ops.map((o) => [o.kind, o.from, o.to]),
        // the content: from another stage or image, its layer chain says it all; from the context, the files' hashes
        content: source.chain ?? hashFiles(files),
        modes: ops.map((o) => kernel.lstat(o.from ? `${source.root}/${o.from}` : source.root)?.mode ?? 0),
        links: ops.filter((o) => o.kind === 'symlink').map((o) => kernel.readLink(`${source.root}/${o.from}`)),
      };
    } finally {
      source.dispose();
    }
  }

  private async execute(step: StageStep, rootfs: StepRootfs, result: Built): Promise<NewLayer | null> {
    const { line } = step.instruction;
    rootfs.mount();
    if (step.run) {
      const output = this.request.quiet ? `${this.request.workDir}/step-${this.stepNumber}.out` : undefined;
      const ran = await rootfs.run(step.run, (spec) => this.io.launch(spec), output);
      if (!this.request.quiet) this.say(` ---> Ran in ${shortId(ran.containerId)}\n`);
      if (ran.error) this.fail(line, ran.error);
      if (ran.status !== 0) {
        const shown = output ? kernel.readText(output) ?? '' : '';
        this.fail(line, `${shown}The command '${step.run.argv.join(' ')}' returned a non-zero code: ${ran.status}`);
      }
      return rootfs.commit(this.images);
    }
    if (step.mkdir) {
      kernel.mkdirs(rootfs.merged + step.mkdir);
      const user = result.config.User ? rootfs.user(result.config.User) : null;
      if (user && !('error' in user)) kernel.chown(rootfs.merged + step.mkdir, user.uid, user.gid);
      return rootfs.commit(this.images);
    }
    const copy = step.copy!;
    const source = this.copySource(copy.from, line);
    try {
      const ops = this.plan(step, rootfs, source.root, source.ignore);
      const owner = copy.chown ? rootfs.user(copy.chown) : undefined;
      if (owner && 'error' in owner) this.fail(line, owner.error);
      rootfs.copy(ops, source.root, { owner: owner as { uid: number; gid: number } | undefined, chmod: copy.chmod, unpack: copy.unpack });
    } finally {
      source.dispose();
    }
    return rootfs.commit(this.images);
  }

  private plan(step: StageStep, rootfs: StepRootfs, root: string, ignore?: DockerignoreMatcher): CopyOp[] {
    const copy = step.copy!;
    const plan = planCopy(directoryTree(root, ignore), copy.sources, copy.dest, (path) => rootfs.isDirectory(path));
    if (!plan.ok) this.fail(step.instruction.line, `${step.instruction.kind} failed: ${plan.error}`);
    return plan.ops;
  }

  /** Where COPY reads from: the context, or (--from) an earlier stage's or an image's root, mounted read-only for the step. */
  private copySource(from: StageRef | undefined, line: number): { root: string; ignore?: DockerignoreMatcher; chain?: string[]; dispose(): void } {
    if (!from) return { root: this.request.contextDir, ignore: this.request.ignore, dispose: () => {} };
    let diffIds: string[] = [];
    if (from.kind === 'stage') diffIds = this.built.get(from.index)?.diffIds ?? [];
    else if (from.kind === 'image') {
      const image = this.images.find(from.ref);
      if (!image) this.fail(line, `COPY --from=${from.ref}: no such image (Dockhand has no registry: docker images lists the images there are)`);
      diffIds = image.diffIds;
    }
    const view = new StepRootfs(`${this.request.workDir}/from-${this.stepNumber}`, diffIds);
    view.mount();
    return { root: view.merged, chain: diffIds, dispose: () => view.dispose() };
  }

  private finish(result: Built): StoredImage {
    const config: ImageConfig = {
      created: result.created,
      ...(result.author ? { author: result.author } : {}),
      architecture: '386', os: 'linux',
      config: { ...result.config, Labels: { ...(result.config.Labels ?? {}), ...this.request.labels } },
      rootfs: { type: 'layers', diff_ids: result.diffIds },
      history: result.history,
    };
    return this.images.addImage(config, result.layers);
  }

  private begin(line: number, original: string): void {
    this.stepNumber++;
    this.say(`Step ${this.stepNumber}/${this.total} : ${original}\n`);
    this.event(line, original, 'start', {});
  }

  private say(text: string): void {
    if (!this.request.quiet) this.io.out(text);
  }

  private event(line: number, instruction: string, status: BuildEvent['status'], extra: Partial<BuildEvent>): void {
    this.io.publish({ op: 'build.step', build: this.request.buildId, step: this.stepNumber, of: this.total, line, instruction, status, ...extra });
  }

  private fail(line: number, message: string): never {
    this.io.publish({ op: 'build.step', build: this.request.buildId, step: this.stepNumber, of: this.total, line, instruction: '', status: 'failed' });
    throw new BuildFailure(`${this.request.dockerfile.filename}:${line}: ${message}`);
  }
}

function check<T>(evaluated: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!evaluated.ok) throw new BuildFailure(evaluated.error.message);
  return evaluated.value;
}

/** sha256 of each file (one sha256sum process per 100 files: a process start costs ~40 ms here). */
function hashFiles(paths: string[]): string[] {
  const hashes: string[] = [];
  for (let i = 0; i < paths.length; i += 100) {
    const out = kernel.programOutput(['sha256sum', ...paths.slice(i, i + 100)]);
    if (out === null) throw new BuildFailure(`cannot read the files to copy (${paths.slice(i, i + 3).join(', ')}…)`);
    hashes.push(...out.trim().split('\n').map((l) => l.slice(0, 64)));
  }
  return hashes;
}
