// One error type for everything the user wrote: the problem and the Dockerfile line it is on,
// printed the way `docker build` points at a line (`Dockerfile:7: unknown instruction: COPPY`).

export class DockerfileError extends Error {
  /** 1-based line where the instruction starts (0 when the problem is the file as a whole) */
  readonly line: number;
  /** the problem alone, without the file and line */
  readonly problem: string;

  constructor(line: number, problem: string, filename = 'Dockerfile') {
    super(line > 0 ? `${filename}:${line}: ${problem}` : `${filename}: ${problem}`);
    this.name = 'DockerfileError';
    this.line = line;
    this.problem = problem;
  }
}

/** Pure steps return this instead of throwing: user input never raises an exception. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Checked<T> => ({ ok: false, error });
