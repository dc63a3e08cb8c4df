// Protects the engine API's messages on the control channel: events are frames without an
// id (so the host never mistakes them for replies), replies ASCII on the wire, told apart by op;
// the x-ray as text lines, decoded on the host.
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeEventFrame, encodeFrame, type GuestMessage } from './control';
import { MAX_XRAY_DETAIL, decodeEngineEvent, decodeXray, isEngineEvent, xrayLine, type EngineEvent, type EngineState, type EngineWireEvent } from './engine';

const EMPTY: EngineState = { time: 1, collectMs: 2, containers: [], images: [], sharedLayers: [], processes: [], hostNs: { pid: 4026531836 } };

describe('engine messages', () => {
  it('round-trip as ASCII frames; replies start with their id (the agent matches that)', () => {
    const reply: GuestMessage = { id: 12, op: 'engine.state', state: EMPTY };
    const frame = encodeFrame(reply);
    expect(frame).toMatch(/^\u001edh \{"id":12,/);
    expect(decodeFrame(frame.slice(0, -1))).toEqual(reply);
  });

  it('the x-ray crosses as lines and is decoded in the order its steps started, long details cut', () => {
    const long = 'x'.repeat(MAX_XRAY_DETAIL + 40);
    const lines = [
      xrayLine('d', 1000.5, 1.25, 'mount', 'overlay on /m'),
      xrayLine('l', 1000.25, 0.5, 'clone', 'CLONE_NEWPID:\nPID 1'),
      xrayLine('d', 1003, 0, 'rm', long),
    ];
    expect(lines[1]).toBe('l 1000.250 0.500 clone CLONE_NEWPID: PID 1');
    const wire: EngineWireEvent = { op: 'xray', command: 'docker run –x', ms: 3.0004, started: 1000, dropped: 0, lines: lines.join('\n') };
    const sent = decodeFrame<EngineWireEvent>(encodeEventFrame(wire).slice(0, -1))!;
    const xray: EngineEvent = decodeEngineEvent(sent);
    expect(xray).toEqual({ op: 'xray', command: 'docker run –x', ms: 3, dropped: 0, steps: [
      { op: 'clone', detail: 'CLONE_NEWPID: PID 1', ms: 0.5, by: 'launcher', at: 0.25 },
      { op: 'mount', detail: 'overlay on /m', ms: 1.25, by: 'daemon', at: 0.5 },
      { op: 'rm', detail: 'x'.repeat(MAX_XRAY_DETAIL - 3) + '...', ms: 0, by: 'daemon', at: 3 },
    ] });
    // background work has no start: its steps have no `at`
    expect(decodeXray({ ...wire, started: null }).steps[0]).not.toHaveProperty('at');
  });

  it('isEngineEvent tells engine events from the agent\'s own', () => {
    expect(isEngineEvent({ op: 'container.exited' })).toBe(true);
    expect(isEngineEvent({ op: 'xray' })).toBe(true);
    expect(isEngineEvent({ op: 'hello' })).toBe(false);
  });
});
