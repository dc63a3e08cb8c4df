// Text helpers shared by the layouts: SVG text does not wrap or clip, so labels are cut to
// the width they get, estimating an average glyph at 0.6 em (system-ui at 14–16px).
import { format } from 'd3';

export const CHAR_EM = 0.6;

/** Hangul, CJK and other wide glyphs take about a whole em, capitals a bit more than average. */
const emOf = (ch: string) => ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : ch >= 'A' && ch <= 'Z' ? 0.7 : CHAR_EM);

/** Cuts `text` to fit `width` px at `fontSize`, ending with … when cut. */
export function fit(text: string, width: number, fontSize: number): string {
  const room = width / fontSize;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    used += emOf(text[i]);
    if (used > room) {
      // keep the longest prefix that leaves room for the ellipsis
      let cut = i;
      let prefix = used - emOf(text[i]);
      while (cut > 0 && prefix + CHAR_EM > room) prefix -= emOf(text[--cut]);
      return cut > 0 ? text.slice(0, cut) + '…' : room >= CHAR_EM ? '…' : '';
    }
  }
  return text;
}

/** "sha256:abcdef…" → the 12 hex digits docker shows. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

const bytesFormat = format('.3~s');
/** 1134592 → "1.13 MB" (decimal, like docker). */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${bytesFormat(bytes)}B`.replace(/([kMGT])B$/, ' $1B');
}

/** Milliseconds to a short label: 0.42 ms, 12.3 ms, 1.25 s. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
