// `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: the host addresses its ports are published on.
import { portLines } from '../network/ports';
import type { CommandContext } from './context';

export function portCommand({ io, cmd, engine }: CommandContext): number {
  const [ref, only] = cmd.args;
  const found = engine.containers.find(ref);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  const result = portLines(ref, found.record.State.Running ? found.record.NetworkSettings?.Ports : undefined, only);
  if ('error' in result) {
    io.err(`${result.error}\n`);
    return 1;
  }
  for (const line of result.lines) io.out(`${line}\n`);
  return 0;
}
