// The engine: check language, parsed and evaluated against a small EngineState.
import { describe, expect, it } from 'vitest';
import type { ContainerState, EngineState } from '../../protocol/engine';
import { evaluatePredicate, normalizeRef, parsePredicate } from './engine-predicates';

function container(name: string, state: string, extra: Partial<ContainerState> = {}): ContainerState {
  return {
    id: `${name}0123456789abcdef`, name, image: 'busybox', imageId: 'sha256:b', state, pid: state === 'running' ? 50 : 0, exitCode: 0,
    created: '', started: '', finished: '', hostname: name, processes: [], rootfs: { lower: [], upper: '', work: '', merged: '' }, binds: [], ...extra,
  };
}

const layer = (diffId: string) => ({ diffId, size: 1 });
const state: EngineState = {
  time: 0, collectMs: 0, sharedLayers: [], processes: [], hostNs: { pid: 100, uts: 200 },
  containers: [
    container('box', 'running', { ns: { pid: 101, uts: 200 }, processes: [{ pid: 50, ppid: 49, name: 'sleep', nspid: [50, 1] }] }),
    container('old', 'exited', { image: 'lua:5.1', exitCode: 1 }),
  ],
  images: [
    { id: 'sha256:b0b0b0', refs: ['busybox:latest'], layers: [layer('a')] },
    { id: 'sha256:c1c1c1', refs: ['hello-image:latest'], layers: [layer('a'), layer('h')] },
    { id: 'sha256:d2d2d2', refs: ['lua:5.1'], layers: [layer('x'), layer('a')] },
  ],
};

const holds = (source: string) => {
  const parsed = parsePredicate(source);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluatePredicate(state, parsed.predicate).pass;
};

describe('engine predicates', () => {
  it.each([
    ['container box running', true],
    ['container box exited', false],
    ['container box exists', true],
    ['container nope absent', true],
    ['container nope exists', false],
    ['not container box absent', true],
    ['container old image lua:5.1', true],
    ['container box image busybox:latest', true],
    ['container old exit-code 1', true],
    ['container box exit-code 0', false],
    ['container box processes >= 1', true],
    ['container box processes == 0', false],
    ['container box own pid', true],
    ['container box own uts', false],
    ['container old own pid', false],
    ['container box0123 running', true],
    ['containers == 2', true],
    ['containers running == 1', true],
    ['containers exited > 1', false],
    ['images >= 3', true],
    ['image busybox exists', true],
    ['image docker.io/library/busybox:latest exists', true],
    ['image hello-image absent', false],
    ['image hello-image layers == 2', true],
    ['image hello-image from busybox', true],
    ['image lua:5.1 from busybox', false],
    ['image busybox from hello-image', false],
    ['image c1c1 exists', true],
  ])('%s → %s', (source, expected) => {
    expect(holds(source)).toBe(expected);
  });

  it('says what it found', () => {
    const parsed = parsePredicate('container box exited');
    expect(parsed.ok && evaluatePredicate(state, parsed.predicate).actual).toBe('container box is running');
  });

  it.each([
    ['', 'unknown subject'],
    ['pod x running', 'unknown subject "pod"'],
    ['container', 'wants a NAME'],
    ['container box sleeping', 'unknown container test'],
    ['container box running now', 'unknown container test'],
    ['container box processes about 3', 'OP N'],
    ['container box own user', 'unknown container test'],
    ['containers zombie == 1', 'unknown container state'],
    ['images > many', 'OP N'],
    ['image busybox layers 2', 'OP N'],
    ['image busybox shiny', 'unknown image test'],
  ])('refuses "%s"', (source, message) => {
    const parsed = parsePredicate(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('normalizes references the way the engine names them', () => {
    expect(normalizeRef('busybox')).toBe('busybox:latest');
    expect(normalizeRef('library/lua:5.4')).toBe('lua:5.4');
    expect(normalizeRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeRef('busybox@sha256:ab')).toBe('busybox@sha256:ab');
  });
});
