// What DockOS (images/tinyos) prints on its serial line, read back: the banner it prints at
// boot and the answer to one command (the text between the echoed command and the next
// prompt). Pure, so it is tested without booting anything.

export const TINY_PROMPT = 'dockos> ';

export interface TinyBanner {
  name: string;
  version: string;
  /** the TSC's rate, as DockOS measured it against the PIT */
  tscMhz: number;
  /** the TSC at DockOS's first instruction, in ms (v86's TSC counts the host's performance.now()) */
  entryTscMs: number;
  /** DockOS's own boot: first instruction → banner, by its TSC */
  initMs: number;
  /** usable RAM from the multiboot memory map */
  memoryMb: number;
  bootId: string;
}

/** The banner, once all of it has arrived (it ends with the first prompt); null before. */
export function parseBanner(text: string): TinyBanner | null {
  const clean = text.replace(/\r/g, '');
  if (!clean.includes(TINY_PROMPT)) return null;
  const head = /^(\S+) (\S+) \u2014 not Linux$/m.exec(clean);
  const tsc = /^tsc: (\d+) MHz/m.exec(clean);
  const entry = /^kernel entry: ([\d.]+) ms/m.exec(clean);
  const init = /^kernel init: ([\d.]+) ms/m.exec(clean);
  const memory = /^memory: (\d+) MB/m.exec(clean);
  const bootId = /^boot id: ([0-9a-f-]{36})$/m.exec(clean);
  if (!head || !tsc || !entry || !init || !memory || !bootId) return null;
  return {
    name: head[1], version: head[2], tscMhz: Number(tsc[1]), entryTscMs: Number(entry[1]),
    initMs: Number(init[1]), memoryMb: Number(memory[1]), bootId: bootId[1],
  };
}

/**
 * The answer to `command` in a transcript that starts where the command was sent: what follows
 * the echoed line, up to the next prompt. null while the prompt has not come back.
 */
export function answerIn(transcript: string, command: string): string | null {
  const clean = transcript.replace(/\r/g, '');
  const echoed = clean.indexOf(command + '\n');
  if (echoed < 0) return null;
  const start = echoed + command.length + 1;
  const end = clean.indexOf(TINY_PROMPT, start);
  return end < 0 ? null : clean.slice(start, end).replace(/\n$/, '');
}
