// compose's progress lines: plain (`docker compose up -d 2>&1 | cat`) prints each step as it
// begins and ends (` Container demo-web-1  Starting`, `… Started`); on a terminal only the
// finished steps, marked ✔ (or ✘), like the lines compose leaves on screen. Pure.

export type ProgressKind = 'Network' | 'Volume' | 'Container' | 'Service' | 'Image';

/** Which words mean a step has finished (the rest are "working" lines, only printed plain). */
const DONE = new Set([
  'Created', 'Started', 'Running', 'Stopped', 'Removed', 'Recreated', 'Healthy', 'Exited', 'Built', 'Restarted', 'Error',
]);

export interface Progress {
  /** the line for this event, or '' when the mode leaves it out */
  line(kind: ProgressKind, name: string, status: string): string;
}

/** `tty`: the client's stderr is a terminal. */
export function progress(tty: boolean): Progress {
  return {
    line(kind, name, status) {
      const done = DONE.has(status);
      if (tty && !done) return '';
      const mark = !tty ? '' : status === 'Error' ? '✘ ' : '✔ ';
      return ` ${mark}${kind} ${name}  ${status}\n`;
    },
  };
}

/** compose quotes a volume's name when it creates one (`Volume "demo_data"`), not when it removes it. */
export const quotedVolume = (name: string) => JSON.stringify(name);
