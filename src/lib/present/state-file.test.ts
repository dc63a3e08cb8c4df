// State files: what is written reads back; a flipped byte anywhere, a cut file, another
// format version, another machine or something else entirely is refused with its reason.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../guest/sha256';
import { decodeStateFile, encodeStateFile, stateFileName, StateFileError, STATE_FORMAT_VERSION } from './state-file';

const machine = '{"mem":128}';
const meta = { name: '수업 준비 demo', lessonId: 'images-and-layers', step: 2, savedAt: '2026-11-29T07:00:00.000Z', machine };
const payload = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);

async function problem(file: Uint8Array, forMachine = machine): Promise<string> {
  try {
    await decodeStateFile(file, forMachine);
    return 'accepted';
  } catch (error) {
    return error instanceof StateFileError ? `${error.problem}: ${error.message}` : String(error);
  }
}

describe('state file', () => {
  it('reads back what was written, header and payload', async () => {
    const file = await encodeStateFile(meta, payload);
    const read = await decodeStateFile(file, machine);
    expect(read.version).toBe(STATE_FORMAT_VERSION);
    expect(read.header).toEqual({ ...meta, payloadBytes: 5000, payloadSha256: await sha256Hex(payload) });
    expect(read.payload).toEqual(payload);
  });

  it('calls a file with any one byte flipped damaged (header, payload or the hash itself)', async () => {
    const file = await encodeStateFile(meta, payload);
    for (const at of [9, 20, file.length - 2500, file.length - 1]) {
      const bad = file.slice();
      bad[at] ^= 0x01;
      expect(await problem(bad)).toMatch(/^damaged: the file is damaged/);
    }
    expect(await problem(file.slice(0, file.length - 100))).toMatch(/^damaged/);
  });

  it('refuses another format version by name, and another machine', async () => {
    expect(await problem(await encodeStateFile(meta, payload, 2))).toBe('version: the file is in state format version 2; this Dockhand reads version 1');
    expect(await problem(await encodeStateFile(meta, payload), '{"mem":256}')).toMatch(/^machine:/);
  });

  it('refuses what is not a state file at all', async () => {
    expect(await problem(new TextEncoder().encode('{"hello": "world"}'))).toBe('not-a-state: not a Dockhand state file');
    expect(await problem(new Uint8Array())).toMatch(/^not-a-state/);
  });

  it('makes a safe file name', () => {
    expect(stateFileName('수업 준비 / demo 1')).toBe('수업-준비-demo-1.dockhand-state');
    expect(stateFileName('../..')).toBe('state.dockhand-state');
    expect(stateFileName('')).toBe('state.dockhand-state');
  });
});
