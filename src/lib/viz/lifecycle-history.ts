// Each container's lifecycle as the page has seen it (pure reducer): transitions come from
// the engine's events, and from snapshots for what has no event (pause) or happened before
// the page listened. A snapshot older than a container's last event is ignored for it: the
// refresh may have been collected before the event.
import type { EngineEvent, EngineState } from '../../protocol/engine';

export const LIFECYCLE_STATES = ['created', 'running', 'paused', 'restarting', 'exited', 'removed'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export interface Transition { from: LifecycleState; to: LifecycleState; time: number; via: 'event' | 'snapshot'; exitCode?: number }

export interface ContainerHistory {
  id: string;
  name: string;
  state: LifecycleState;
  /** oldest first, at most MAX_TRANSITIONS */
  transitions: Transition[];
  /** guest time of the last change seen */
  time: number;
}

/** By container id, in the order first seen. */
export type LifecycleHistory = Readonly<Record<string, ContainerHistory>>;

export const MAX_TRANSITIONS = 50;
/** Removed containers kept for the picture; older ones are forgotten. */
export const MAX_REMOVED = 30;

const EVENT_STATE: Record<string, LifecycleState> = {
  'container.created': 'created', 'container.started': 'running', 'container.exited': 'exited', 'container.removed': 'removed',
};

/** The engine's status strings mapped onto the diagram ('dead' and 'removing' are shown as their neighbours). */
export function normalizeState(status: string): LifecycleState {
  if (status === 'dead') return 'exited';
  if (status === 'removing') return 'removed';
  return (LIFECYCLE_STATES as readonly string[]).includes(status) ? (status as LifecycleState) : 'exited';
}

function moved(entry: ContainerHistory, to: LifecycleState, time: number, via: Transition['via'], exitCode?: number): ContainerHistory {
  if (entry.state === to) return { ...entry, time: Math.max(entry.time, time) };
  const transition: Transition = { from: entry.state, to, time, via, ...(exitCode !== undefined ? { exitCode } : {}) };
  return { ...entry, state: to, time: Math.max(entry.time, time), transitions: [...entry.transitions, transition].slice(-MAX_TRANSITIONS) };
}

function pruneRemoved(history: Record<string, ContainerHistory>): Record<string, ContainerHistory> {
  const removed = Object.values(history).filter((c) => c.state === 'removed');
  if (removed.length <= MAX_REMOVED) return history;
  const drop = new Set(removed.sort((a, b) => a.time - b.time).slice(0, removed.length - MAX_REMOVED).map((c) => c.id));
  return Object.fromEntries(Object.entries(history).filter(([id]) => !drop.has(id)));
}

export function applyEvent(history: LifecycleHistory, event: EngineEvent): LifecycleHistory {
  if (event.op === 'xray' || event.op === 'build.step') return history;
  const to = EVENT_STATE[event.op];
  const entry = history[event.containerId];
  // a container first seen by its 'created' event starts there; seen later, it starts where the event puts it
  const next = entry
    ? moved({ ...entry, name: event.name }, to, event.time, 'event', event.exitCode)
    : { id: event.containerId, name: event.name, state: to, transitions: [], time: event.time };
  return pruneRemoved({ ...history, [event.containerId]: next });
}

export function observeSnapshot(history: LifecycleHistory, state: EngineState): LifecycleHistory {
  const next: Record<string, ContainerHistory> = { ...history };
  const present = new Set<string>();
  for (const c of state.containers) {
    present.add(c.id);
    const to = normalizeState(c.state);
    const entry = next[c.id];
    if (!entry) next[c.id] = { id: c.id, name: c.name, state: to, transitions: [], time: state.time };
    else if (state.time >= entry.time) next[c.id] = moved({ ...entry, name: c.name }, to, state.time, 'snapshot');
  }
  for (const entry of Object.values(history)) {
    if (!present.has(entry.id) && entry.state !== 'removed' && state.time >= entry.time) {
      next[entry.id] = moved(entry, 'removed', state.time, 'snapshot');
    }
  }
  return pruneRemoved(next);
}
