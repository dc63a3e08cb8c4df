// What the launcher (native/dockhand-run.c) tells the daemon on its report channel: the host
// pid of the container's process ("pid N"), then its kernel steps for the x-ray ("step START
// MS OP DETAIL", START on CLOCK_MONOTONIC in ms, the clock of QuickJS's os.now()).
// Pure: the daemon feeds it the text it has read so far. Steps are passed on as x-ray lines
// (protocol/engine.ts), not parsed: the host decodes them.

export interface LauncherReport {
  pid?: number;
  /** the launcher's steps as x-ray lines ("l START MS OP DETAIL") */
  steps: string[];
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
    if (line.startsWith('step ')) report.steps.push('l' + line.slice(4));
    else if (/^pid \d+$/.test(line)) report.pid = Number(line.slice(4));
    else report.other += line + '\n';
  }
  return report;
}
