// The last part of the terminal's output, kept by the presenter so a window that joins late
// can be shown the screen as it is. Bounded (a projector needs a screenful, not the visit);
// when trimmed, it starts after a line break so the copy does not begin inside an escape
// sequence or a multi-byte character.
export const BACKLOG_BYTES = 64 * 1024;

export class TerminalBacklog {
  #chunks: Uint8Array[] = [];
  #size = 0;
  #trimmed = false;
  /** chunks pushed so far: the seq of the last one */
  seq = 0;

  constructor(private readonly limit = BACKLOG_BYTES) {}

  /** Keeps a chunk; returns its seq. */
  push(bytes: Uint8Array): number {
    this.#chunks.push(bytes);
    this.#size += bytes.length;
    while (this.#size - this.#chunks[0].length >= this.limit) {
      this.#size -= this.#chunks.shift()!.length;
      this.#trimmed = true;
    }
    return ++this.seq;
  }

  /** The kept bytes, at most `limit`, from a line start when anything was dropped. */
  bytes(): Uint8Array {
    const all = new Uint8Array(this.#size);
    let offset = 0;
    for (const chunk of this.#chunks) { all.set(chunk, offset); offset += chunk.length; }
    let start = Math.max(0, all.length - this.limit);
    if (this.#trimmed || start > 0) {
      const newline = all.indexOf(0x0a, start);
      start = newline === -1 ? all.length : newline + 1;
    }
    return all.subarray(start);
  }
}
