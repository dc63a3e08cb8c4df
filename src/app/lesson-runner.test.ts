// The page's side of the lesson runner: typing into the terminal line by line, and asking
// the engine again while its daemon comes back after a restore.
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../protocol/engine';
import { engineStateAround, engineStateSoon, typeInto } from './lesson-runner';

function fakeTerminal(answer: (line: string) => string) {
  const sent: string[] = [];
  let listener: (bytes: Uint8Array) => void = () => {};
  let line = '';
  return {
    sent,
    guest: {
      onTerminal: (l: (bytes: Uint8Array) => void) => { listener = l; return () => { listener = () => {}; }; },
      sendTerminal: (data: string) => {
        sent.push(data);
        if (data !== '\r') { line += data; return; }
        const reply = answer(line);
        line = '';
        setTimeout(() => listener(new TextEncoder().encode(`\r\n${reply}\r\nroot@dockhand:~# `)), 30);
      },
    },
  };
}

describe('typeInto', () => {
  it('clears the line, types each line a character at a time, and waits for the prompt between lines', async () => {
    const t = fakeTerminal((line) => `ran ${line}`);
    await typeInto(t.guest, 'echo a\n\necho b\n', 0);
    expect(t.sent.join('')).toBe('\x15echo a\recho b\r');
    expect(t.sent.filter((s) => s.length === 1 && s !== '\r' && s !== '\x15')).toHaveLength('echo aecho b'.length);
  });
});

describe('engineStateSoon', () => {
  const state = { containers: [] } as unknown as EngineState;

  it('asks again while the daemon is not running yet', async () => {
    let calls = 0;
    const got = await engineStateSoon({ engineState: async () => { if (++calls < 3) throw new Error('guest agent: the engine daemon is not running'); return state; } }, 2_000, 10);
    expect(got).toBe(state);
    expect(calls).toBe(3);
  });

  it('gives up after the time allowed with the last error', async () => {
    await expect(engineStateSoon({ engineState: async () => { throw new Error('not running'); } }, 100, 20)).rejects.toThrow('not running');
  });
});

describe('engineStateAround', () => {
  const state = { containers: [] } as unknown as EngineState;
  it('asks again when a restore aborted the request', async () => {
    let calls = 0;
    const got = await engineStateAround({ whenIdle: async () => {}, restoring: false },
      { engineState: async () => { if (++calls === 1) throw new Error('the machine state was restored'); return state; } });
    expect(got).toBe(state);
    expect(calls).toBe(2);
  });
});
