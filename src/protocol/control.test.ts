// Protects the control channel's wire format: ASCII-only frames that survive junk on the serial line.
import { describe, expect, it } from 'vitest';
import { FRAME_PREFIX, LineSplitter, decodeFrame, encodeFrame, type ControlRequest } from './control';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('encodeFrame / decodeFrame', () => {
  it.each([
    ['plain', 'echo hello'],
    ['non-ASCII', 'echo héllo wörld 中文 — ✓'],
    ['astral characters (surrogate pairs)', 'echo 🐳🚢'],
    ['control characters', 'a\u0000b\u0001c\td\ne\rf\u001eg\u007fh\u009fi'],
    ['the frame prefix itself', `echo ${FRAME_PREFIX}{"op":"ping","id":9}`],
    ['a lone surrogate', 'x\ud800y'],
  ])('round-trips %s as one ASCII line', (_, cmd) => {
    const message: ControlRequest = { id: 7, op: 'exec', cmd, timeoutMs: 5, cwd: '/tmp' };
    const frame = encodeFrame(message);
    expect(frame.startsWith(FRAME_PREFIX)).toBe(true);
    expect(frame.endsWith('\n')).toBe(true);
    expect(frame.indexOf('\n')).toBe(frame.length - 1);
    expect(frame.indexOf(FRAME_PREFIX, 1)).toBe(-1);
    expect([...frame].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(decodeFrame(frame.slice(0, -1))).toEqual(message);
  });

  it.each([
    ['an empty line', ''],
    ['a console line', '[    0.000000] Linux version 6.12.117'],
    ['JSON without the prefix', '{"id":1,"op":"ping"}'],
    ['a truncated frame', `${FRAME_PREFIX}{"id":1,"op":"pi`],
    ['a prefix with garbage', `${FRAME_PREFIX}\u0000\u00ff garbage`],
    ['a frame that is not an object', `${FRAME_PREFIX}42`],
    ['null', `${FRAME_PREFIX}null`],
    ['a frame without op', `${FRAME_PREFIX}{"id":1}`],
    ['a frame whose op is not a string', `${FRAME_PREFIX}{"id":1,"op":3}`],
  ])('ignores %s', (_, line) => {
    expect(decodeFrame(line)).toBeNull();
  });

  it.each([
    ['junk', 'login: \u0000\u00ffjunk'],
    ['half a frame (after a restore)', `${FRAME_PREFIX}{"id":4,"op":"exe`],
  ])('decodes a frame preceded by %s on the same line', (_, junk) => {
    const frame = encodeFrame({ id: 5, op: 'ping' });
    expect(decodeFrame(junk + frame.trimEnd())).toEqual({ id: 5, op: 'ping' });
  });

  it('tolerates a trailing carriage return', () => {
    expect(decodeFrame(encodeFrame({ id: 1, op: 'ping' }).replace('\n', '\r'))).toEqual({ id: 1, op: 'ping' });
  });
});

describe('LineSplitter', () => {
  /** the stream a byte at a time: lines cut anywhere */
  const byteByByte = (splitter: LineSplitter, text: Uint8Array) => Array.from(text, (b) => splitter.pushChunk(Uint8Array.of(b))).flat();

  it('returns each line when its newline arrives', () => {
    const splitter = new LineSplitter();
    const lines = byteByByte(splitter, ascii('one\ntwo\n\nthree'));
    expect(lines).toEqual(['one', 'two', '']);
    expect(splitter.pushChunk(ascii('\n'))).toEqual(['three']);
  });

  it('grows for lines far longer than its buffer', () => {
    const splitter = new LineSplitter();
    const long = 'x'.repeat(150_000) + 'y';
    expect(byteByByte(splitter, ascii(long))).toEqual([]);
    expect(splitter.pushChunk(ascii('\n'))).toEqual([long]);
    byteByByte(splitter, ascii('short'));
    expect(splitter.pushChunk(ascii('\n'))).toEqual(['short']);
  });

  it('keeps every byte value as one char', () => {
    const splitter = new LineSplitter();
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b !== 10);
    byteByByte(splitter, bytes);
    expect(splitter.pushChunk(ascii('\n'))).toEqual([Buffer.from(bytes).toString('latin1')]);
  });

  it('decodes whole lines with the decoder it is given: a line and a character cut across chunks', () => {
    const utf8 = new TextDecoder();
    const lines = new LineSplitter((bytes, length) => utf8.decode(bytes.subarray(0, length)));
    const bytes = new TextEncoder().encode('가나\nab');
    expect(lines.pushChunk(bytes.subarray(0, 4))).toEqual([]);
    expect(lines.pushChunk(bytes.subarray(4))).toEqual(['가나']);
    expect(lines.pushChunk(new TextEncoder().encode('c\n\nd'))).toEqual(['abc', '']);
  });
});

describe('LineSplitter.pushChunk', () => {
  it('splits chunks at newlines and carries partial lines over', () => {
    const splitter = new LineSplitter();
    expect(splitter.pushChunk(ascii('one\ntw'))).toEqual(['one']);
    expect(splitter.pushChunk(ascii('o\n\nthr'))).toEqual(['two', '']);
    expect(splitter.pushChunk(ascii('ee'))).toEqual([]);
    expect(splitter.pushChunk(ascii('\n'))).toEqual(['three']);
  });

  it('handles a 150 kB line arriving in 4 kB chunks', () => {
    const splitter = new LineSplitter();
    const line = 'z'.repeat(150_000);
    const bytes = ascii(line + '\n');
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i += 4096) lines.push(...splitter.pushChunk(bytes.subarray(i, i + 4096)));
    expect(lines).toEqual([line]);
  });
});
