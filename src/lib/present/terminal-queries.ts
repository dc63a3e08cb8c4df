// Output that makes a terminal answer: "where is the cursor?" (ESC [6n), "are you OK?"
// (ESC [5n), "what are you?" (ESC [c). Answered live they are the line editor's business;
// answered again when a terminal replays old output (a new terminal mounted on a running
// session), the answers arrive at the shell as typed garbage (^[[2;18R). So replays drop them.
const QUERY = /\x1b\[[?>=]?[0-9;]*[nc]/g;

export function withoutQueries(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(0x1b)) return bytes;
  // latin1: one char per byte, so the regex works on bytes and the rest round-trips exactly
  const text = String.fromCharCode(...bytes).replace(QUERY, '');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
