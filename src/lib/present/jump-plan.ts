// How to put the machine where step N starts, the fastest way: restore the latest saved
// checkpoint at or before N, then play the steps in between (each one's commands, typed
// quickly), saving a checkpoint as each following step is entered. With no checkpoint at
// all, the machine's boot state is the lesson's start and every earlier step is played.

export interface JumpPlan {
  restore: number | 'boot';
  /** steps whose commands are played, in order, after the restore */
  play: number[];
}

export function jumpPlan(target: number, hasCheckpoint: (step: number) => boolean): JumpPlan {
  if (!Number.isInteger(target) || target < 0) throw new Error(`no step ${target}`);
  for (let k = target; k >= 0; k--) {
    if (hasCheckpoint(k)) return { restore: k, play: range(k, target) };
  }
  return { restore: 'boot', play: range(0, target) };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
