// Coalesces requests for an async task: at most one run in flight and one queued. Events
// arrive in bursts (docker run makes created + started + xray); each asks for a fresh
// snapshot, but the serial link is slow, so a burst costs at most two requests.

export interface Coalescer {
  /** Resolves when a run that started at or after this call has finished (rejects with its error). */
  request(): Promise<void>;
  /** Whether a run is in flight. */
  readonly busy: boolean;
}

export function coalesce(task: () => Promise<void>): Coalescer {
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const run = (): Promise<void> => {
    let done: Promise<void>;
    try {
      done = task();
    } catch (error) {
      done = Promise.reject(error);
    }
    // `settled` never rejects: the queued run waits on it whatever the outcome.
    const settled: Promise<void> = done.then(() => undefined, () => undefined).then(() => {
      if (inFlight === settled) inFlight = null;
    });
    inFlight = settled;
    return done;
  };

  return {
    request() {
      if (queued) return queued;
      if (inFlight) {
        // A run already going may have read the state before the change: run once more after it.
        const next = inFlight.then(() => {
          queued = null;
          return run();
        });
        queued = next;
        return next;
      }
      return run();
    },
    get busy() {
      return inFlight !== null;
    },
  };
}
