// A step's demo as a schedule of keystrokes: each command line typed at a readable speed, a
// short pause so the room can read it before Enter, then a wait for the shell's prompt so
// the output of one line is not mixed with the echo of the next. Pure: the player (app side)
// sends the keys and can pause between any two of them and resume from the same index.

export interface Keystroke {
  /** what to send to the terminal (empty for a pure wait) */
  data: string;
  /** wait this long before sending */
  delayMs: number;
  /** after sending, wait for the shell's prompt */
  untilPrompt?: boolean;
}

export interface TypingSpeed {
  /** between characters (about 14 a second: a readable pace on a projector) */
  charMs: number;
  /** no line takes longer than this to type; long ones go faster */
  maxLineMs: number;
  /** before Enter, so the command can be read while nothing scrolls */
  beforeEnterMs: number;
}

export const READABLE: TypingSpeed = { charMs: 70, maxLineMs: 6_000, beforeEnterMs: 600 };
/** catching up to a step: visible, but quick */
export const QUICK: TypingSpeed = { charMs: 4, maxLineMs: 400, beforeEnterMs: 0 };

const CLEAR_LINE = '\x15'; // Ctrl-U: drops whatever was half typed on the line

/** The keystrokes that type these commands (each may hold several lines) one after another. */
export function typingSchedule(commands: readonly string[], speed: TypingSpeed = READABLE): Keystroke[] {
  const keys: Keystroke[] = [];
  for (const command of commands) {
    for (const line of command.split('\n')) {
      if (!line.trim()) continue;
      const chars = Array.from(line); // code points: a Korean syllable is one keystroke
      const perChar = Math.min(speed.charMs, Math.floor(speed.maxLineMs / chars.length));
      keys.push({ data: CLEAR_LINE, delayMs: 0 });
      for (const char of chars) keys.push({ data: char, delayMs: perChar });
      keys.push({ data: '\r', delayMs: speed.beforeEnterMs, untilPrompt: true });
    }
  }
  return keys;
}

/** How long typing takes from `from` on, not counting the commands' own run time. */
export function scheduleMs(keys: readonly Keystroke[], from = 0): number {
  return keys.slice(from).reduce((sum, k) => sum + k.delayMs, 0);
}
