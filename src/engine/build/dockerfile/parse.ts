// The parser's front door: text → directives, meta ARGs and stages, or the first error with
// its line. Nothing here throws on user input.
import { DockerfileError } from './errors';
import type { ArgInstruction, Dockerfile, Stage } from './instructions';
import { splitLines } from './lines';
import { parseInstruction } from './parse-instruction';
import { resolveCopyFrom } from './stages';

export interface ParseResult {
  /** what was read up to the first error (all of it when there is none) */
  dockerfile: Dockerfile;
  error?: DockerfileError;
}

/** Parses a Dockerfile; `filename` is what errors start with (`-f` may name another file). */
export function parseDockerfile(text: string, filename = 'Dockerfile'): ParseResult {
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  const dockerfile: Dockerfile = { filename, escape: '\\', metaArgs, stages };
  const failed = (line: number, problem: string): ParseResult =>
    ({ dockerfile, error: new DockerfileError(line, problem, filename) });

  const split = splitLines(text);
  if (!split.ok) return failed(split.line ?? 0, split.error);
  const { directives, lines } = split.value;
  dockerfile.escape = directives.escape;
  if (directives.syntax !== undefined) dockerfile.syntax = directives.syntax;
  if (lines.length === 0) return failed(0, 'the Dockerfile has no instructions');

  for (const logical of lines) {
    const parsed = parseInstruction(logical, directives.escape);
    if (!parsed.ok) return failed(logical.line, parsed.error);
    const instruction = parsed.value;
    if (instruction.kind === 'FROM') {
      const name = instruction.name;
      if (name !== undefined && stages.some((s) => s.from.name === name)) {
        return failed(logical.line, `duplicate stage name "${name}"`);
      }
      stages.push({ index: stages.length, from: instruction, instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage === undefined) {
      // ARGs before the first FROM are the meta ARGs, usable in FROM lines.
      if (instruction.kind === 'ARG') {
        metaArgs.push(instruction);
        continue;
      }
      return failed(logical.line, `${instruction.kind} before the first FROM: no build stage in current context`);
    }
    stage.instructions.push(instruction);
  }
  if (stages.length === 0) return failed(lines[lines.length - 1].line, 'the Dockerfile has no FROM: no stages to build');
  // Checked once every stage is known, so a reference to a later stage is caught too.
  for (const stage of stages) {
    for (const i of stage.instructions) {
      if (i.kind !== 'COPY' || i.from === undefined || i.from.includes('$')) continue;
      const ref = resolveCopyFrom(i.from, stages, stage.index);
      if (!ref.ok) return failed(i.line, ref.error);
    }
  }
  return { dockerfile };
}
