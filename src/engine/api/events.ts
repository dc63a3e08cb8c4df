// Which lifecycle events a container's change makes (pure): the store tells the status it
// had when last saved, so a save that only updates a field makes none.
import type { EngineEvent } from '../../protocol/engine';

type LifecycleEvent = Extract<EngineEvent, { containerId: string }>;

export interface ChangedContainer { Id: string; Name: string; State: { Status: string; ExitCode: number } }

export function lifecycleEvents(record: ChangedContainer, previous: string | undefined, removed: boolean, time: number): LifecycleEvent[] {
  const base = { containerId: record.Id, name: record.Name.replace(/^\//, ''), time };
  if (removed) return [{ op: 'container.removed', ...base }];
  const events: LifecycleEvent[] = [];
  const status = record.State.Status;
  if (previous === undefined) events.push({ op: 'container.created', ...base });
  if (status === previous) return events;
  if (status === 'running') events.push({ op: 'container.started', ...base });
  // its process ended: exited or dead, or restarting by its policy (started follows)
  else if (previous === 'running' || previous === 'paused') events.push({ op: 'container.exited', ...base, exitCode: record.State.ExitCode });
  return events;
}
