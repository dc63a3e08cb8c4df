// Runs a step's checks, in order, stopping at the first that fails. The shell and the
// engine state come in as functions, so the app passes its guest session's exec and
// engine.state and tests pass fakes. This is what the lesson machine's runCheck actor does.
import type { EngineState } from '../../protocol/engine';
import { evaluatePredicate } from './engine-predicates';
import type { Check } from './format';

export interface ShellResult { exitCode: number; output: string }

export interface CheckDeps {
  /** runs a busybox-sh snippet in the VM (not in the student's terminal) */
  shell: (script: string) => Promise<ShellResult>;
  /** a fresh snapshot of the engine's state */
  engineState: () => Promise<EngineState>;
}

export interface CheckResult {
  passed: boolean;
  /** one line per check run: what it looked at and what it found */
  output: string;
  /** index of the check that failed */
  failedCheck?: number;
}

export async function runChecks(checks: readonly Check[], deps: CheckDeps): Promise<CheckResult> {
  const lines: string[] = [];
  let state: EngineState | undefined;
  for (const [i, check] of checks.entries()) {
    let pass: boolean;
    if (check.kind === 'shell') {
      const result = await deps.shell(check.script);
      pass = result.exitCode === 0;
      lines.push(`${pass ? '✓' : '✗'} ${check.script}${pass ? '' : ` (exit ${result.exitCode})`}`);
      if (!pass && result.output.trim()) lines.push(result.output.trimEnd());
    } else {
      // One snapshot serves every engine check of the step, unless a shell check ran between.
      state ??= await deps.engineState();
      const result = evaluatePredicate(state, check.predicate);
      pass = result.pass;
      lines.push(`${pass ? '✓' : '✗'} ${check.source}${pass ? '' : ` — ${result.actual}`}`);
    }
    if (check.kind === 'shell') state = undefined;
    if (!pass) return { passed: false, output: lines.join('\n'), failedCheck: i };
  }
  return { passed: true, output: lines.join('\n') };
}
