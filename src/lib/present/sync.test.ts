// The message protocol and the audience's reducer: malformed or foreign messages are
// dropped; a window that joins late is brought up to date by one sync, without writing the
// output the sync already holds twice; a reopened presenter takes over with its own sync.
import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIENCE, receive, type AudienceModel } from './audience-model';
import { TerminalBacklog } from './backlog';
import {
  audienceMessage, parseMessage, presenterMessage, PROTOCOL_VERSION, type DisplayState, type Message, type PictureSnapshot,
} from './protocol';

const display: DisplayState = {
  lang: 'en', lesson: { id: 'l', title: 'A lesson' }, step: { index: 1, count: 3, title: 'Two' }, picture: 'namespaces',
  blank: false, zoom: 1, spotlight: null, playing: false, terminal: { cols: 80, rows: 24 },
};
const picture: PictureSnapshot = { state: null, lastXray: null, history: {}, builds: { current: null, runs: {}, order: [] }, changes: [] };
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (chunks: Uint8Array[]) => chunks.map((c) => new TextDecoder().decode(c)).join('');
/** as it arrives on the other side: structured-cloned, then validated */
const wire = (m: Message) => parseMessage(structuredClone(m))!;

describe('protocol', () => {
  it('accepts its own messages after a structured clone', () => {
    for (const m of [
      presenterMessage('p', { kind: 'show', display }),
      presenterMessage('p', { kind: 'term', seq: 1, bytes: bytes('hi') }),
      presenterMessage('p', { kind: 'picture', picture }),
      presenterMessage('p', { kind: 'sync', to: 'a', display, terminal: { seq: 0, bytes: new Uint8Array() }, picture: null }),
      presenterMessage('p', { kind: 'bye' }),
      audienceMessage('a', { kind: 'hello' }),
      audienceMessage('a', { kind: 'remote', action: 'next' }),
    ]) expect(wire(m)).toEqual(m);
  });

  it('refuses other versions, unknown kinds and malformed fields', () => {
    const show = presenterMessage('p', { kind: 'show', display });
    expect(parseMessage({ ...show, v: PROTOCOL_VERSION + 1 })).toBeNull();
    expect(parseMessage({ ...show, from: '' })).toBeNull();
    expect(parseMessage({ ...show, kind: 'shout' })).toBeNull();
    expect(parseMessage({ ...show, display: { ...display, zoom: 3 } })).toBeNull();
    expect(parseMessage({ ...show, display: { ...display, step: { index: 3, count: 3, title: 'x' } } })).toBeNull();
    expect(parseMessage({ ...show, role: 'audience' })).toBeNull();
    expect(parseMessage(presenterMessage('p', { kind: 'term', seq: 0, bytes: bytes('x') }))).toBeNull();
    expect(parseMessage({ ...presenterMessage('p', { kind: 'term', seq: 1, bytes: bytes('x') }), bytes: 'x' })).toBeNull();
    expect(parseMessage(audienceMessage('a', { kind: 'remote', action: 'shutdown' as 'next' }))).toBeNull();
    expect(parseMessage('hello')).toBeNull();
    expect(parseMessage(null)).toBeNull();
  });
});

describe('an audience window', () => {
  /** the presenter's side: a backlog and the messages it broadcasts */
  function presenter(id: string) {
    const backlog = new TerminalBacklog(1024);
    return {
      output: (s: string) => presenterMessage(id, { kind: 'term', seq: backlog.push(bytes(s)), bytes: bytes(s) }),
      sync: (to: string | null) => presenterMessage(id, { kind: 'sync', to, display, terminal: { seq: backlog.seq, bytes: backlog.bytes() }, picture }),
    };
  }
  function audience(self: string) {
    let model: AudienceModel = EMPTY_AUDIENCE;
    let screen: Uint8Array[] = [];
    return {
      get model() { return model; },
      get screen() { return text(screen); },
      hear(m: Message) {
        const next = receive(model, wire(m), self);
        model = next.model;
        if (next.terminal.reset) screen = [];
        screen.push(...next.terminal.write);
      },
    };
  }

  it('joining late: ignores everything before its sync, then shows the backlog once and what follows', () => {
    const p = presenter('p1');
    const a = audience('a1');
    a.hear(p.output('$ ls\n'));
    a.hear(p.output('file\n')); // before the hello was answered: no presenter yet
    expect(a.model.display).toBeNull();
    const late = p.output('$ '); // sent while the sync was on its way
    a.hear(p.sync('a1'));
    a.hear(late); // already in the sync's backlog: not written twice
    a.hear(p.output('echo hi\n'));
    a.hear(presenterMessage('p1', { kind: 'show', display: { ...display, blank: true } }));
    expect(a.screen).toBe('$ ls\nfile\n$ echo hi\n');
    expect(a.model).toMatchObject({ presenter: 'p1', seq: 4, display: { blank: true } });
  });

  it('a sync for another window changes nothing; one for all does', () => {
    const p = presenter('p1');
    const a = audience('a1');
    p.output('x\n');
    a.hear(p.sync('a2'));
    expect(a.model.presenter).toBeNull();
    a.hear(p.sync(null));
    expect([a.model.presenter, a.screen]).toEqual(['p1', 'x\n']);
  });

  it('a reopened presenter takes over with its sync; the old one is no longer heard', () => {
    const old = presenter('p1');
    const a = audience('a1');
    old.output('old\n');
    a.hear(old.sync(null));
    const fresh = presenter('p2');
    fresh.output('new\n');
    a.hear(fresh.sync(null));
    a.hear(old.output('stale\n'));
    a.hear(presenterMessage('p1', { kind: 'show', display: { ...display, blank: true } }));
    expect([a.model.presenter, a.screen, a.model.display?.blank]).toEqual(['p2', 'new\n', false]);
    a.hear(presenterMessage('p2', { kind: 'bye' }));
    expect(a.model).toEqual(EMPTY_AUDIENCE);
  });
});

describe('terminal backlog', () => {
  it('keeps at most its limit and, once trimmed, starts at a line', () => {
    const b = new TerminalBacklog(16);
    b.push(bytes('first line\n'));
    b.push(bytes('second\nthird'));
    expect(b.seq).toBe(2);
    expect(text([b.bytes()])).toBe('second\nthird'); // 23 bytes: cut to the line after the last 16
    b.push(bytes(' and more text without a break'));
    expect(b.bytes().length).toBeLessThanOrEqual(16);
    const small = new TerminalBacklog(100);
    small.push(bytes('a\nb'));
    expect(text([small.bytes()])).toBe('a\nb'); // nothing dropped: kept as is
  });
});
