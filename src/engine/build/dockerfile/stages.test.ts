// Multi-stage references: by name (any case) or index, images, scratch, and which stages a target needs.
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parse';
import { findStage, resolveBase, resolveCopyFrom, stagesNeeded, targetStage } from './stages';

const { dockerfile } = parseDockerfile([
  'FROM busybox AS deps', 'RUN fetch',
  'FROM deps AS build', 'COPY --from=deps /a /a',
  'FROM busybox AS unused',
  'FROM scratch AS final', 'COPY --from=build /out /', 'COPY --from=busybox:1.36 /bin/sh /sh',
].join('\n'));
const { stages } = dockerfile;

describe('stage lookup', () => {
  it.each([['deps', 0], ['BUILD', 1], ['2', 2], ['final', 3], ['nope', undefined], ['9', undefined]])('%s', (key, index) => {
    expect(findStage(stages, key)?.index).toBe(index);
  });
});

describe('COPY --from', () => {
  it.each([
    ['deps', 3, { ok: true, value: { kind: 'stage', index: 0 } }],
    ['Build', 3, { ok: true, value: { kind: 'stage', index: 1 } }],
    ['1', 3, { ok: true, value: { kind: 'stage', index: 1 } }],
    ['busybox:1.36', 3, { ok: true, value: { kind: 'image', ref: 'busybox:1.36' } }],
    ['final', 3, { ok: false, error: 'circular dependency detected on stage: final' }],
    ['3', 3, { ok: false, error: 'circular dependency detected on stage: final' }],
    ['7', 3, { ok: false, error: 'COPY --from=7: there is no build stage 7 (stages count from 0; this Dockerfile has 4)' }],
  ])('%s in stage %i', (value, current, expected) => {
    expect(resolveCopyFrom(value, stages, current)).toEqual(expected);
  });
});

describe('FROM', () => {
  it.each([
    ['deps', 1, { ok: true, value: { kind: 'stage', index: 0 } }],
    ['scratch', 1, { ok: true, value: { kind: 'scratch' } }],
    ['lua:5.4', 1, { ok: true, value: { kind: 'image', ref: 'lua:5.4' } }],
    ['final', 1, { ok: false, error: 'circular dependency detected on stage: final' }],
    ['', 0, { ok: false, error: 'base name (FROM) should not be blank' }],
    ['Busy Box', 0, { ok: false, error: 'base name (Busy Box): invalid reference format: repository name (library/Busy Box) must be lowercase' }],
  ])('%j in stage %i', (image, current, expected) => {
    expect(resolveBase(image, stages, current)).toEqual(expected);
  });
});

describe('targets', () => {
  it('builds the last stage by default and skips stages nobody needs', () => {
    const target = targetStage(dockerfile);
    expect(target.ok && target.value.index).toBe(3);
    expect(target.ok && stagesNeeded(dockerfile, target.value)).toEqual([0, 1, 3]);
  });

  it('finds --target by name', () => {
    const target = targetStage(dockerfile, 'Build');
    expect(target.ok && stagesNeeded(dockerfile, target.value)).toEqual([0, 1]);
  });

  it('rejects an unknown --target', () => {
    expect(targetStage(dockerfile, 'nope')).toEqual({ ok: false, error: 'target stage "nope" could not be found' });
  });

  it('keeps every earlier stage when a reference uses a variable', () => {
    const { dockerfile: d } = parseDockerfile('FROM a AS x\nFROM b AS y\nFROM c\nARG S\nCOPY --from=$S /a /a');
    expect(stagesNeeded(d, d.stages[2])).toEqual([0, 1, 2]);
  });
});
