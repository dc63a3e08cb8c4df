// The one place the pictures read from: the engine's last snapshot, the last command's
// x-ray, and each container's lifecycle as seen from events. Every event asks for a new
// snapshot; the requests are coalesced (coalesce.ts) so a burst costs at most two.
import type { EngineEvent, EngineState } from '../../protocol/engine';
import { applyBuildEvent, currentBuild, EMPTY_BUILDS, type BuildHistory, type BuildRun } from './build-steps';
import { coalesce, type Coalescer } from './coalesce';
import type { LayerChange } from './layers-layout';
import { applyEvent, observeSnapshot, type LifecycleHistory } from './lifecycle-history';
import type { XrayEvent } from './xray-layout';

/** What the store needs from the guest; GuestSession has both. */
export interface EngineSource {
  engineState(): Promise<EngineState>;
  onEngineEvent(cb: (e: EngineEvent) => void): () => void;
}

export class EngineStore {
  /** the last snapshot, replaced whole; null until the first answer */
  state = $state.raw<EngineState | null>(null);
  /** the x-ray of the last docker command (background work is kept apart, in backgroundXray) */
  lastXray = $state.raw<XrayEvent | null>(null);
  backgroundXray = $state.raw<XrayEvent | null>(null);
  /** each container's transitions, by id */
  history = $state.raw<LifecycleHistory>({});
  /** paths changed in writable layers, for the layers picture to mark (set by whoever knows them) */
  changes = $state.raw<LayerChange[]>([]);
  /** docker build runs, step by step, from `build.step` events */
  builds = $state.raw<BuildHistory>(EMPTY_BUILDS);
  /** the last refresh's error, cleared by the next success */
  error = $state<string | null>(null);
  /** how many snapshots have arrived (0 until the first) */
  refreshes = $state(0);

  readonly #source: EngineSource;
  readonly #coalescer: Coalescer;
  readonly #unsubscribe: () => void;
  #disposed = false;

  constructor(source: EngineSource, options: { refreshNow?: boolean } = {}) {
    this.#source = source;
    this.#coalescer = coalesce(() => this.#load());
    this.#unsubscribe = source.onEngineEvent((event) => this.#onEvent(event));
    if (options.refreshNow ?? true) void this.refresh();
  }

  /** Asks for a new snapshot; resolves when one taken after this call has arrived (or failed: see `error`). */
  refresh(): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    // #load records failures in `error`; nothing to reject with
    return this.#coalescer.request().catch(() => undefined);
  }

  /** Stops listening; answers still in flight are dropped. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#unsubscribe();
  }

  /** the latest docker build, or null before any */
  get build(): BuildRun | null {
    return currentBuild(this.builds);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  #onEvent(event: EngineEvent): void {
    if (this.#disposed) return;
    if (event.op === 'build.step') {
      this.builds = applyBuildEvent(this.builds, event);
      // the steps change nothing the snapshot shows until the image is stored (or the build gives up)
      if (event.status !== 'built' && event.status !== 'failed') return;
    } else if (event.op === 'xray') {
      if (event.command) this.lastXray = event;
      else this.backgroundXray = event;
    } else {
      this.history = applyEvent(this.history, event);
    }
    // xray events too: commands without a lifecycle event (pause, pull, rmi) change the state
    void this.refresh();
  }

  async #load(): Promise<void> {
    try {
      const state = await this.#source.engineState();
      if (this.#disposed) return;
      this.state = state;
      this.history = observeSnapshot(this.history, state);
      this.error = null;
      this.refreshes++;
    } catch (error) {
      if (!this.#disposed) this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
