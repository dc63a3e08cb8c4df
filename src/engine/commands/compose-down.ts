// `docker compose down [-v] [--remove-orphans] [-t N] [SERVICE...]`: the planner's steps
// (compose/plan.ts planDown) — containers stopped and removed, dependents first, then the
// project's networks (as `docker network rm`), then with -v its named volumes (`docker volume rm`).
// Naming services removes only their containers; the networks and volumes stay for the others.
import { flagBool, flagNumber } from '../cli/parse';
import { planDown } from '../compose';
import { networkStore } from '../runtime/networks';
import { volumeUsers } from '../runtime/volumes';
import { removeRecord, reporter } from './compose-containers';
import { engineState, loadComposeProject } from './compose-project';
import type { CommandContext } from './context';
import { removalError } from './network';

export async function composeDownCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd, engine } = ctx;
  const loaded = loadComposeProject(ctx, { fromLabels: true, services: cmd.args });
  if (!loaded) return 1;
  const { project } = loaded;
  const volumes = flagBool(cmd.flags, 'volumes');
  const plan = planDown(project, engineState(engine), { volumes, removeOrphans: flagBool(cmd.flags, 'remove-orphans') });
  if (!plan.ok) {
    io.err(`${plan.error}\n`);
    return 1;
  }
  for (const warning of plan.warnings) io.err(`WARN[0000] ${warning}\n`);
  const only = cmd.args.length > 0;
  const timeout = cmd.changed.includes('timeout') ? flagNumber(cmd.flags, 'timeout') : undefined;
  const report = reporter(io);
  const errors: string[] = [];
  for (const step of plan.steps) {
    if (only && (step.action !== 'remove-container' || !cmd.args.includes(step.service))) continue;
    if (step.action === 'remove-container') {
      const found = engine.containers.find(step.id);
      if (!found.ok) continue;
      // -v: the containers' anonymous volumes too, as `docker rm -v`
      const error = await removeRecord(engine, found.record, { volumes, timeout }, report);
      if (error) errors.push(`Error response from daemon: ${error}`);
    } else if (step.action === 'remove-network') {
      const networks = networkStore();
      const network = networks?.find(step.name);
      if (!network) continue;
      report('Network', step.name, 'Removing');
      const error = removalError(network);
      if (error) {
        report('Network', step.name, 'Error');
        errors.push(`Error response from daemon: ${error}`);
        continue;
      }
      networks!.remove(network);
      report('Network', step.name, 'Removed');
    } else {
      if (!engine.volumes.get(step.name)) continue;
      report('Volume', step.name, 'Removing');
      const users = volumeUsers(step.name, engine.containers);
      if (users.length > 0) {
        report('Volume', step.name, 'Error');
        errors.push(`Error response from daemon: remove ${step.name}: volume is in use - [${users.join(', ')}]`);
        continue;
      }
      engine.volumes.remove(step.name);
      report('Volume', step.name, 'Removed');
    }
  }
  if (errors.length) io.err(errors.join('\n') + '\n');
  return errors.length ? 1 : 0;
}
