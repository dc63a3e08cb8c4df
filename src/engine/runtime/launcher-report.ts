// What the launcher (native/dockhand-run.c) tells the daemon on its report channel: the host
// pid of the container's process ("pid N"), then its kernel steps for the x-ray ("step START
// MS OP DETAIL", START on CLOCK_MONOTONIC in ms, the clock of QuickJS's os.now()).
// Pure: the daemon feeds it the text it has read so far.

export interface LauncherStep { op: string; detail: string; ms: number; start: number; by: 'launcher' }

export interface LauncherReport {
  pid?: number;
  steps: LauncherStep[];
  /** text that was not a report line (a set-up error from a detached launcher) */
  other: string;
  /** an incomplete last line, to be completed by the next read */
  rest: string;
}

export function parseLauncherReport(text: string): LauncherReport {
  const report: LauncherReport = { steps: [], other: '', rest: '' };
  const end = text.lastIndexOf('\n') + 1;
  report.rest = text.slice(end);
  for (const line of text.slice(0, end).split('\n')) {
    if (line === '') continue;
    const pid = /^pid (\d+)$/.exec(line);
    const step = /^step (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\S+) (.*)$/.exec(line);
    if (pid) report.pid = Number(pid[1]);
    else if (step) report.steps.push({ start: Number(step[1]), ms: Number(step[2]), op: step[3], detail: step[4], by: 'launcher' });
    else report.other += line + '\n';
  }
  return report;
}
