// Protects the engine API's messages on the control channel: events are frames without an
// id (so the host never mistakes them for replies), ASCII on the wire, told apart by op.
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, type GuestMessage } from './control';
import { isEngineEvent, type EngineEvent, type EngineState } from './engine';

const EMPTY: EngineState = { time: 1, collectMs: 2, containers: [], images: [], sharedLayers: [], processes: [], hostNs: { pid: 4026531836 } };

describe('engine messages', () => {
  it('round-trip as ASCII frames; replies start with their id (the agent matches that)', () => {
    const reply: GuestMessage = { id: 12, op: 'engine.state', state: EMPTY };
    const frame = encodeFrame(reply);
    expect(frame).toMatch(/^\u001edh \{"id":12,/);
    expect(decodeFrame(frame.slice(0, -1))).toEqual(reply);
    const xray: EngineEvent = { op: 'xray', command: 'docker run –x', steps: [{ op: 'mount', detail: 'overlay on /m', ms: 1.5 }], ms: 3, dropped: 0 };
    const line = encodeFrame(xray);
    expect([...line].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(decodeFrame(line.slice(0, -1))).toEqual(xray);
  });

  it('isEngineEvent tells engine events from the agent\'s own', () => {
    expect(isEngineEvent({ op: 'container.exited' })).toBe(true);
    expect(isEngineEvent({ op: 'xray' })).toBe(true);
    expect(isEngineEvent({ op: 'hello' })).toBe(false);
  });
});
