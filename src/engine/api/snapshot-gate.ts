// When the daemon may take an engine.state snapshot. A snapshot costs 150–600 ms of the guest's
// one CPU, and a command that runs meanwhile waits for it: so the student's commands come
// first. A snapshot is taken once no command has ended for GRACE_MS (a script or a loop of
// commands gets its next one in before then), or while a command has been running for LONG_MS
// (`docker run -it sh`, `logs -f`: the pictures must not wait for those to end). Pure: the
// daemon feeds it the clock.

/** How long after a command ends the daemon waits for the next one before taking a snapshot. */
export const GRACE_MS = 150;
/** A command running this long is a long one: snapshots are taken beside it. */
export const LONG_MS = 1000;

export class SnapshotGate {
  private active = 0;
  private activeSince = 0;
  private lastEnded = -Infinity;

  started(now: number): void {
    if (this.active++ === 0) this.activeSince = now;
  }

  ended(now: number): void {
    this.active = Math.max(0, this.active - 1);
    this.lastEnded = now;
  }

  /** ms to wait before a snapshot may be taken (0: now). */
  waitMs(now: number): number {
    if (this.active > 0) return Math.max(0, this.activeSince + LONG_MS - now);
    return Math.max(0, this.lastEnded + GRACE_MS - now);
  }
}
