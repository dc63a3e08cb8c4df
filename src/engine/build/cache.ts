// The build cache: a step whose inputs were seen before reuses the layer it made then.
// The key holds everything the step's result depends on: the layers below it, the step's
// text with its args expanded, what RUN runs with (env, workdir, user), and for COPY/ADD
// the content hashes of the files copied. `docker build --no-cache` skips lookups.
import * as kernel from '../kernel';
import type { Descriptor } from '../oci/types';
import { layerDir, STORE_ROOT } from '../store/image-store';

const CACHE_FILE = `${STORE_ROOT}/build-cache.json`;
/** enough for a course; the oldest entries go first */
const MAX_ENTRIES = 500;

export interface CachedLayer {
  /** '' for a step that changed nothing (no layer) */
  diffId: string; descriptor: Descriptor; size: number;
  /** when the step first ran: reused, so a fully cached rebuild makes the same image (same ID) */
  created?: string;
}

/** Pure: one string for all of a step's inputs. */
export function cacheKey(parentDiffIds: readonly string[], inputs: unknown): string {
  return JSON.stringify([parentDiffIds, inputs]);
}

export class BuildCache {
  private entries: Record<string, CachedLayer> | null = null;

  private load(): Record<string, CachedLayer> {
    this.entries ??= kernel.readJson<Record<string, CachedLayer>>(CACHE_FILE) ?? {};
    return this.entries;
  }

  /** A cached layer that is still in the store (an image removal may have deleted it). */
  get(key: string): CachedLayer | null {
    const hit = this.load()[key];
    return hit && (hit.diffId === '' || kernel.exists(`${layerDir(hit.diffId)}.json`)) ? hit : null;
  }

  put(key: string, layer: CachedLayer): void {
    const entries = this.load();
    delete entries[key];
    entries[key] = layer;
    const keys = Object.keys(entries);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete entries[old];
    kernel.writeText(CACHE_FILE, JSON.stringify(entries));
  }
}
