// The one place the pictures read from: the engine's last snapshot, the last command's
// x-ray, and each container's lifecycle as seen from events. A snapshot costs the guest
// 150–600 ms of CPU, which a command running at the same time waits for: so the store asks
// for one per command, when the command's x-ray arrives (the daemon sends it as the command
// ends), and lifecycle events alone (a detached container exiting, a long foreground run)
// ask only after a quiet spell. Requests are coalesced (coalesce.ts): at most two in a burst.
// The daemon itself holds a snapshot back while commands follow each other closely
// (src/engine/api/snapshot-gate.ts), so a script's or a timing loop's next command goes first.
import type { EngineEvent, EngineState } from '../../protocol/engine';
import { applyBuildEvent, currentBuild, EMPTY_BUILDS, type BuildHistory, type BuildRun } from './build-steps';
import { coalesce, type Coalescer } from './coalesce';
import type { LayerChange } from './layers-layout';
import { applyEvent, observeSnapshot, type LifecycleHistory } from './lifecycle-history';
import { packetPath, type PacketPath } from './packet-path';
import { upperChanges } from './upper-changes';
import type { XrayEvent } from './xray-layout';

/** What the store needs from the guest; GuestSession has both. */
export interface EngineSource {
  engineState(): Promise<EngineState>;
  onEngineEvent(cb: (e: EngineEvent) => void): () => void;
}

/** How long lifecycle events must be quiet before they ask for a snapshot without an x-ray. */
export const EVENT_QUIET_MS = 1500;

export class EngineStore {
  /** the last snapshot, replaced whole; null until the first answer */
  state = $state.raw<EngineState | null>(null);
  /** the x-ray of the last docker command (background work is kept apart, in backgroundXray) */
  lastXray = $state.raw<XrayEvent | null>(null);
  backgroundXray = $state.raw<XrayEvent | null>(null);
  /** each container's transitions, by id */
  history = $state.raw<LifecycleHistory>({});
  /** paths changed in writable layers (from each container's upper dir), fresh = new since the previous snapshot */
  changes = $state.raw<LayerChange[]>([]);
  /**
   * the path the packets of the last command took (packet-path.ts: this snapshot's counters
   * against the previous one's); null when that command moved no packet
   */
  path = $state.raw<PacketPath | null>(null);
  /** docker build runs, step by step, from `build.step` events */
  builds = $state.raw<BuildHistory>(EMPTY_BUILDS);
  /** the last refresh's error, cleared by the next success */
  error = $state<string | null>(null);
  /** how many snapshots have arrived (0 until the first) */
  refreshes = $state(0);

  readonly #source: EngineSource;
  readonly #coalescer: Coalescer;
  readonly #unsubscribe: () => void;
  readonly #quietMs: number;
  #quietTimer: ReturnType<typeof setTimeout> | null = null;
  #disposed = false;

  constructor(source: EngineSource, options: { refreshNow?: boolean; quietMs?: number } = {}) {
    this.#source = source;
    this.#quietMs = options.quietMs ?? EVENT_QUIET_MS;
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
    this.#cancelQuiet();
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
      // docker build is a command: its x-ray, at the end, asks for the snapshot with the new image
      this.builds = applyBuildEvent(this.builds, event);
    } else if (event.op === 'xray') {
      if (event.command) this.lastXray = event;
      else this.backgroundXray = event;
      // every command ends with one (pause, pull, rmi and exec have no lifecycle event)
      this.#cancelQuiet();
      void this.refresh();
    } else {
      this.history = applyEvent(this.history, event);
      this.#refreshWhenQuiet();
    }
  }

  /** Lifecycle events without an x-ray soon after: a container that exited on its own, or one still running in the foreground. */
  #refreshWhenQuiet(): void {
    this.#cancelQuiet();
    this.#quietTimer = setTimeout(() => {
      this.#quietTimer = null;
      void this.refresh();
    }, this.#quietMs);
  }

  #cancelQuiet(): void {
    if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
    this.#quietTimer = null;
  }

  async #load(): Promise<void> {
    try {
      const state = await this.#source.engineState();
      if (this.#disposed) return;
      this.changes = upperChanges(this.state, state, this.changes);
      this.path = packetPath(this.state, state);
      this.state = state;
      this.history = observeSnapshot(this.history, state);
      this.error = null;
      this.refreshes++;
    } catch (error) {
      if (!this.#disposed) this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
