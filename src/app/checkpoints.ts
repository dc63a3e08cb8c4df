// Machine states kept in memory so a step (or a crashed machine) can be put back: the state
// the page booted into (the compressed snapshot it downloaded, ~7 MB, when it booted from one),
// and one per lesson step entered, the most recently used kept (each a fresh save of the
// guest, ~28 MB, so only a few).
export interface StateHolder {
  saveState(): Promise<ArrayBuffer>;
  restoreState(state: ArrayBuffer): Promise<void>;
  /** the compressed state the machine was restored from at boot, if it was (GuestSession.bootSnapshot) */
  readonly bootSnapshot?: ArrayBuffer | null;
}

export interface Restored { from: 'step' | 'boot' | 'saved'; ms: number }

export class Checkpoints {
  #boot: ArrayBuffer | null = null;
  readonly #steps = new Map<string, ArrayBuffer>();
  #restoring = 0;
  #idle: Promise<void> = Promise.resolve();

  constructor(private readonly guest: StateHolder, private readonly limit = 6) {}

  /** true while a restore runs (the crash watcher does not ping then) */
  get restoring(): boolean {
    return this.#restoring > 0;
  }

  /** Resolves when no restore is under way (engine snapshots wait for it: asked during a
   *  restore, one would be aborted and asked again at once, slowing the restored guest). */
  whenIdle(): Promise<void> {
    return this.#idle;
  }

  get size(): number {
    return this.#steps.size;
  }

  /** Keeps the boot state: the snapshot the page restored from (compressed) if there was one, else a fresh save. */
  async saveBoot(): Promise<void> {
    this.#boot = this.guest.bootSnapshot ?? await this.guest.saveState();
  }

  has(lessonId: string, step: number): boolean {
    return this.#steps.has(key(lessonId, step));
  }

  async save(lessonId: string, step: number): Promise<void> {
    const state = await this.guest.saveState();
    const k = key(lessonId, step);
    this.#steps.delete(k); // re-inserted last: Map order is the eviction order
    this.#steps.set(k, state);
    while (this.#steps.size > this.limit) this.#steps.delete(this.#steps.keys().next().value!);
  }

  /** Puts the step's checkpoint back, or the boot state when the step has none. */
  async restore(lessonId: string | null, step = 0): Promise<Restored> {
    const saved = lessonId === null ? undefined : this.#steps.get(key(lessonId, step));
    if (!saved && !this.#boot) throw new Error('no saved machine state to go back to');
    return this.#put(saved ?? this.#boot!, saved ? 'step' : 'boot');
  }

  /** Puts back a state saved elsewhere (an instructor's prepared state, from a file). */
  async restoreState(state: ArrayBuffer): Promise<Restored> {
    return this.#put(state, 'saved');
  }

  /** Drops a lesson's step checkpoints: after a prepared state is put back they belong to another timeline. */
  forget(lessonId: string): void {
    for (const k of [...this.#steps.keys()]) if (k.startsWith(`${lessonId}#`)) this.#steps.delete(k);
  }

  async #put(state: ArrayBuffer, from: Restored['from']): Promise<Restored> {
    const started = performance.now();
    this.#restoring++;
    let done!: () => void;
    this.#idle = new Promise((resolve) => { done = resolve; });
    try {
      // v86 may keep views on the buffer it restores from; give it a copy so the checkpoint stays as saved.
      await this.guest.restoreState(state.slice(0));
    } finally {
      if (--this.#restoring === 0) done();
    }
    return { from, ms: Math.round(performance.now() - started) };
  }
}

const key = (lessonId: string, step: number) => `${lessonId}#${step}`;
