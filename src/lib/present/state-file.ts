// A saved machine state as a file an instructor can carry to class:
//
//   "DOCKHAND" (8 bytes) · format version (u16 LE) · header length (u32 LE) · header (JSON)
//   · the v86 state bytes · SHA-256 of everything before it (32 bytes)
//
// The header names the lesson and step the state belongs to, the machine it was saved on
// and the payload's own SHA-256. The trailing hash covers the header too, so any changed
// byte is found; it is checked before the version so a damaged file is called damaged.
import { sha256Hex } from '../guest/sha256';

export const STATE_FORMAT_VERSION = 1;
export const STATE_FILE_EXTENSION = '.dockhand-state';
const MAGIC = new TextEncoder().encode('DOCKHAND');
const HASH_BYTES = 32;
const FIXED = MAGIC.length + 2 + 4;

export interface StateHeader {
  name: string;
  lessonId: string | null;
  step: number;
  /** ISO time */
  savedAt: string;
  /** the guest machine's shape (memory, kernel command line…): a state fits only the same */
  machine: string;
  payloadBytes: number;
  payloadSha256: string;
}

export interface StateFile { version: number; header: StateHeader; payload: Uint8Array }

export type StateFileProblem = 'not-a-state' | 'damaged' | 'version' | 'machine';

export class StateFileError extends Error {
  constructor(readonly problem: StateFileProblem, message: string, readonly version?: number) {
    super(message);
    this.name = 'StateFileError';
  }
}

export async function encodeStateFile(
  meta: Omit<StateHeader, 'payloadBytes' | 'payloadSha256'>, payload: Uint8Array, version = STATE_FORMAT_VERSION,
): Promise<Uint8Array> {
  const header: StateHeader = { ...meta, payloadBytes: payload.length, payloadSha256: await sha256Hex(payload) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const file = new Uint8Array(FIXED + json.length + payload.length + HASH_BYTES);
  const view = new DataView(file.buffer);
  file.set(MAGIC, 0);
  view.setUint16(MAGIC.length, version, true);
  view.setUint32(MAGIC.length + 2, json.length, true);
  file.set(json, FIXED);
  file.set(payload, FIXED + json.length);
  const body = file.subarray(0, file.length - HASH_BYTES);
  file.set(fromHex(await sha256Hex(body)), body.length);
  return file;
}

/** Reads and checks a state file; throws StateFileError saying what is wrong with it. */
export async function decodeStateFile(file: Uint8Array, machine: string): Promise<StateFile> {
  const magicOk = file.length >= MAGIC.length && MAGIC.every((b, i) => file[i] === b);
  if (!magicOk || file.length < FIXED + HASH_BYTES) throw new StateFileError('not-a-state', 'not a Dockhand state file');
  const body = file.subarray(0, file.length - HASH_BYTES);
  if (await sha256Hex(body) !== toHex(file.subarray(body.length))) {
    throw new StateFileError('damaged', 'the file is damaged: its checksum does not match its contents');
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const version = view.getUint16(MAGIC.length, true);
  if (version !== STATE_FORMAT_VERSION) {
    throw new StateFileError('version', `the file is in state format version ${version}; this Dockhand reads version ${STATE_FORMAT_VERSION}`, version);
  }
  const headerLength = view.getUint32(MAGIC.length + 2, true);
  let header: StateHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(FIXED, FIXED + headerLength)));
  } catch {
    throw new StateFileError('damaged', 'the file is damaged: its header cannot be read');
  }
  const payload = body.subarray(FIXED + headerLength);
  if (!isHeader(header) || header.payloadBytes !== payload.length || header.payloadSha256 !== await sha256Hex(payload)) {
    throw new StateFileError('damaged', 'the file is damaged: the machine state does not match its header');
  }
  if (header.machine !== machine) throw new StateFileError('machine', 'the state was saved on a differently configured machine');
  return { version, header, payload };
}

function isHeader(x: unknown): x is StateHeader {
  const h = x as StateHeader;
  return typeof h === 'object' && h !== null && typeof h.name === 'string' && (h.lessonId === null || typeof h.lessonId === 'string')
    && Number.isInteger(h.step) && h.step >= 0 && typeof h.savedAt === 'string' && typeof h.machine === 'string'
    && Number.isInteger(h.payloadBytes) && typeof h.payloadSha256 === 'string';
}

/** A name that is safe as a file name on every system. */
export function stateFileName(name: string): string {
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '') || 'state'; // no hidden files
  return safe + STATE_FILE_EXTENSION;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
