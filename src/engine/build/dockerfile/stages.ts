// Multi-stage builds: which stage or image a FROM line and a `COPY --from=` point at, and
// which stages a target needs. Stage names are case-insensitive; an index counts from 0.
import { parseNormalizedNamed } from '../../oci/reference';
import { fail, ok, type Checked } from './errors';
import type { Dockerfile, Stage } from './instructions';

/** What a FROM builds on, or what a COPY --from copies out of. */
export type StageRef =
  | { kind: 'stage'; index: number }
  | { kind: 'image'; ref: string }
  | { kind: 'scratch' };

/** A stage by name (any case) or by index, as `--target` and `--from` name them. */
export function findStage(stages: Stage[], nameOrIndex: string): Stage | undefined {
  if (/^[0-9]+$/.test(nameOrIndex)) return stages[Number(nameOrIndex)];
  const name = nameOrIndex.toLowerCase();
  return stages.find((s) => s.from.name === name);
}

/** A FROM's image (already substituted): an earlier stage, `scratch`, or an image to pull. */
export function resolveBase(image: string, stages: Stage[], current: number): Checked<StageRef> {
  if (image === '') return fail('base name (FROM) should not be blank');
  const named = stages.findIndex((s) => s.from.name === image.toLowerCase());
  if (named >= 0 && named < current) return ok({ kind: 'stage', index: named });
  if (named >= current) return fail(`circular dependency detected on stage: ${image.toLowerCase()}`);
  if (image.toLowerCase() === 'scratch') return ok({ kind: 'scratch' });
  const ref = parseNormalizedNamed(image);
  return ref.ok ? ok({ kind: 'image', ref: image }) : fail(`base name (${image}): ${ref.error}`);
}

/** `COPY --from=VALUE` inside stage `current`: an earlier stage by name or index, or an image. */
export function resolveCopyFrom(value: string, stages: Stage[], current: number): Checked<StageRef> {
  if (/^[0-9]+$/.test(value)) {
    const index = Number(value);
    if (index >= stages.length) {
      return fail(`COPY --from=${value}: there is no build stage ${index} (stages count from 0; this Dockerfile has ${stages.length})`);
    }
    if (index >= current) return fail(`circular dependency detected on stage: ${stages[index].from.name ?? index}`);
    return ok({ kind: 'stage', index });
  }
  const named = stages.findIndex((s) => s.from.name === value.toLowerCase());
  if (named >= current) return fail(`circular dependency detected on stage: ${value.toLowerCase()}`);
  if (named >= 0) return ok({ kind: 'stage', index: named });
  const ref = parseNormalizedNamed(value);
  if (!ref.ok) return fail(`COPY --from=${value}: no build stage has that name, and it is not an image name (${ref.error})`);
  return ok({ kind: 'image', ref: value });
}

/** The stage `docker build --target NAME` builds (the last one without --target). */
export function targetStage(dockerfile: Dockerfile, target?: string): Checked<Stage> {
  if (target === undefined) return ok(dockerfile.stages[dockerfile.stages.length - 1]);
  const stage = /^[0-9]+$/.test(target) ? undefined : findStage(dockerfile.stages, target);
  return stage ? ok(stage) : fail(`target stage "${target}" could not be found`);
}

/**
 * The stages a target needs, in build order: BuildKit skips the others. A reference that
 * uses a variable is resolved only at build time, so such a stage keeps every earlier stage.
 */
export function stagesNeeded(dockerfile: Dockerfile, target: Stage): number[] {
  const needed = new Set<number>();
  const visit = (index: number) => {
    if (needed.has(index)) return;
    needed.add(index);
    const stage = dockerfile.stages[index];
    // FROM names stages only by name; COPY --from also by index.
    const fromName = /^[0-9]+$/.test(stage.from.image) ? [] : [stage.from.image];
    const refs = [...fromName, ...stage.instructions.flatMap((i) => (i.kind === 'COPY' && i.from ? [i.from] : []))];
    for (const ref of refs) {
      if (ref.includes('$')) {
        for (let j = 0; j < index; j++) visit(j);
        continue;
      }
      const found = findStage(dockerfile.stages.slice(0, index), ref);
      if (found) visit(found.index);
    }
  };
  visit(target.index);
  return [...needed].sort((a, b) => a - b);
}
