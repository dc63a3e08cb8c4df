// Writable-layer changes (pure): each container's upper-dir listing (engine.state) as the
// layers picture's A/C/D marks, and which of them are new since the previous snapshot. The
// store takes one snapshot per docker command, so "new" means "done by the last command that
// wrote in a container"; a snapshot in which no writable layer changed keeps the marks.
import type { EngineState, UpperDirEntry } from '../../protocol/engine';
import type { LayerChange } from './layers-layout';

/** A: new in the container, C: copied up from the image, D: a whiteout (or a directory made again, opaque). */
export function changeKind(entry: UpperDirEntry): LayerChange['kind'] | null {
  if (entry.kind === 'whiteout' || entry.kind === 'opaque') return 'D';
  // a directory of the image is copied up only to hold what changed below it: not a change itself
  if (entry.kind === 'dir') return entry.lower ? null : 'A';
  return entry.lower ? 'C' : 'A';
}

const keyOf = (c: Pick<LayerChange, 'kind' | 'path'>) => `${c.kind} ${c.path}`;

function changesOf(state: EngineState): Map<string, LayerChange[]> {
  const out = new Map<string, LayerChange[]>();
  for (const c of state.containers) {
    if (!c.upperDir) continue;
    const list: LayerChange[] = [];
    for (const entry of c.upperDir.entries) {
      const kind = changeKind(entry);
      if (kind) list.push({ containerId: c.id, path: entry.path, kind });
    }
    out.set(c.id, list);
  }
  return out;
}

/**
 * The changes in `next`, each marked `fresh` when the previous snapshot did not have it (a
 * container new since then: all of its changes). Without a previous snapshot nothing is fresh.
 * A snapshot in which no writable layer changed keeps the marks it had (`docker diff` after a
 * write must not wipe them); one in which any changed marks only what that command did.
 */
export function upperChanges(previous: EngineState | null, next: EngineState, previousChanges: readonly LayerChange[] = []): LayerChange[] {
  const now = changesOf(next);
  if (!previous) return [...now.values()].flat();
  const before = changesOf(previous);
  const added = new Set<string>();
  let changed = false;
  for (const [id, list] of now) {
    const oldKeys = new Set((before.get(id) ?? []).map(keyOf));
    for (const c of list) if (!oldKeys.has(keyOf(c))) added.add(`${id} ${keyOf(c)}`);
    // a path gone (a file removed again, a container's layer reset) is a change too
    if (list.length !== oldKeys.size || added.size) changed = true;
  }
  const kept = new Set(previousChanges.filter((c) => c.fresh).map((c) => `${c.containerId} ${keyOf(c)}`));
  const fresh = changed ? added : kept;
  return [...now.values()].flat().map((c) => (fresh.has(`${c.containerId} ${keyOf(c)}`) ? { ...c, fresh: true } : c));
}
