// The host side of the engine API: engine events reach listeners, engine.state replies their request.
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, type ControlEvent, type ControlRequest, type GuestMessage } from '../../protocol/control';
import type { EngineState } from '../../protocol/engine';
import { ControlChannel } from './control-channel';

const EMPTY: EngineState = { time: 1, collectMs: 2, containers: [], images: [], sharedLayers: [], processes: [], hostNs: { pid: 4026531836 } };

describe('engine API on the control channel', () => {
  it('the host channel hands container events to listeners and matches engine.state replies', async () => {
    const sent: ControlRequest[] = [];
    const channel = new ControlChannel((frame) => { sent.push(decodeFrame<ControlRequest>(String.fromCharCode(...frame).slice(0, -1))!); });
    const port = channel.stream();
    const write = (message: GuestMessage) => port(new TextEncoder().encode(encodeFrame(message)));
    const events: ControlEvent[] = [];
    channel.onEvent((e) => events.push(e));
    const pending = channel.request({ op: 'engine.state' }, 1000);
    write({ op: 'container.created', containerId: 'abc', name: 'web', time: 5 });
    write({ id: sent[0].id, op: 'engine.state', state: EMPTY });
    expect(await pending).toMatchObject({ op: 'engine.state', state: EMPTY });
    expect(events).toEqual([{ op: 'container.created', containerId: 'abc', name: 'web', time: 5 }]);
  });
});
