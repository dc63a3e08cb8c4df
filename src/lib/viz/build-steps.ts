// Reducer (pure): the engine's `build.step` events → each docker build run's steps in order,
// with what became of each (from the cache, a new layer, config only, failed). The page
// draws the latest run; a few older runs are kept so a late event still finds its run.
import type { BuildEvent } from '../../protocol/engine';

/** base: FROM, whose layers are the base image's (the engine sends only its start) */
export type StepStatus = 'running' | 'base' | 'cached' | 'layer' | 'config' | 'failed';

export interface BuildStep {
  step: number;
  line: number;
  instruction: string;
  status: StepStatus;
  diffId?: string;
  size?: number;
  ms?: number;
}

export interface BuildRun {
  id: string;
  /** how many steps the build has (`Step n/of`) */
  of: number;
  /** ordered by step number */
  steps: BuildStep[];
  status: 'running' | 'built' | 'failed';
  /** the image ID (built) */
  imageId?: string;
  /** the Dockerfile line the build stopped at (failed) */
  failedLine?: number;
}

export interface BuildHistory {
  /** the run started last, or null */
  current: string | null;
  runs: Record<string, BuildRun>;
  /** run ids, oldest first */
  order: string[];
}

export const EMPTY_BUILDS: BuildHistory = { current: null, runs: {}, order: [] };
export const KEEP_RUNS = 5;

function withStep(steps: BuildStep[], next: BuildStep): BuildStep[] {
  const rest = steps.filter((s) => s.step !== next.step);
  return [...rest, next].sort((a, b) => a.step - b.step);
}

export function applyBuildEvent(history: BuildHistory, e: BuildEvent): BuildHistory {
  const known = history.runs[e.build];
  const run: BuildRun = known ?? { id: e.build, of: e.of, steps: [], status: 'running' };
  const old = run.steps.find((s) => s.step === e.step);
  let next: BuildRun;
  switch (e.status) {
    case 'start':
      next = {
        ...run, of: e.of,
        steps: withStep(run.steps, { step: e.step, line: e.line, instruction: e.instruction, status: /^FROM\b/i.test(e.instruction) ? 'base' : 'running' }),
      };
      break;
    case 'cached':
    case 'layer':
    case 'config':
      next = {
        ...run, of: e.of,
        steps: withStep(run.steps, {
          step: e.step, line: e.line, instruction: e.instruction || old?.instruction || '', status: e.status,
          diffId: e.diffId, size: e.size, ms: e.ms,
        }),
      };
      break;
    case 'failed':
      // the engine sends no instruction with a failure: keep the one from the step's start
      next = {
        ...run, status: 'failed', failedLine: e.line,
        steps: e.step > 0
          ? withStep(run.steps, { step: e.step, line: e.line, instruction: e.instruction || old?.instruction || '', status: 'failed', ms: e.ms })
          : run.steps,
      };
      break;
    case 'built':
      next = { ...run, status: 'built', imageId: e.diffId };
      break;
  }
  const order = known ? history.order : [...history.order, e.build].slice(-KEEP_RUNS);
  const runs: Record<string, BuildRun> = {};
  for (const id of order) runs[id] = id === e.build ? next : history.runs[id];
  return { current: known ? history.current : e.build, runs, order };
}

/** The run to draw: the latest one, or null before any build. */
export function currentBuild(history: BuildHistory): BuildRun | null {
  return history.current ? (history.runs[history.current] ?? null) : null;
}
