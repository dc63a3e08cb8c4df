// runChecks: shell checks by exit code, engine checks on one snapshot, stop at the first failure.
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../protocol/engine';
import { runChecks, type CheckDeps } from './checks';
import { parseLesson } from './parse';

const checksOf = (lines: string) =>
  parseLesson(`---\ntitle: t\n---\n## S\n\`\`\`check\n${lines}\n\`\`\`\n`, 'lessons/01-x/en.md').lesson.steps[0].checks;

const EMPTY: EngineState = { time: 0, collectMs: 0, containers: [], images: [], sharedLayers: [], processes: [], hostNs: {} };

function deps(exitCodes: Record<string, number>) {
  const calls: string[] = [];
  const d: CheckDeps = {
    shell: async (script) => { calls.push(`shell ${script}`); return { exitCode: exitCodes[script] ?? 0, output: exitCodes[script] ? 'grep: no match\n' : '' }; },
    engineState: async () => { calls.push('state'); return EMPTY; },
  };
  return { d, calls };
}

describe('runChecks', () => {
  it('passes when every check holds, reading the state once per run of engine checks', async () => {
    const { d, calls } = deps({});
    const result = await runChecks(checksOf('engine: images == 0\nengine: container box absent\nshell: true\nengine: containers == 0'), d);
    expect(result).toEqual({ passed: true, output: '✓ images == 0\n✓ container box absent\n✓ true\n✓ containers == 0' });
    expect(calls).toEqual(['state', 'shell true', 'state']);
  });

  it('stops at the first failure and says what it found', async () => {
    const { d, calls } = deps({ 'test -f /x': 1 });
    expect(await runChecks(checksOf('shell: test -f /x\nengine: images == 0'), d)).toEqual({
      passed: false, output: '✗ test -f /x (exit 1)\ngrep: no match', failedCheck: 0,
    });
    expect(calls).toEqual(['shell test -f /x']);
    expect(await runChecks(checksOf('engine: container box running'), deps({}).d)).toEqual({
      passed: false, output: '✗ container box running — no container box', failedCheck: 0,
    });
  });
});
