// `docker compose exec [-d] [-T] [-u U] [-w D] [-e K=V] SERVICE COMMAND...`: `docker exec` (its
// own handler, commands/exec.ts) in the service's container. As compose: interactive, with a
// TTY when the client has one (-T: never), so `docker compose exec web sh` is a shell.
import { flagBool, flagList, flagNumber, flagString } from '../cli/parse';
import { serviceContainer } from '../compose';
import { dockerCommand, engineState, loadComposeProject } from './compose-project';
import type { CommandContext } from './context';
import { execCommand } from './exec';

export async function composeExecCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd, engine } = ctx;
  const [service, ...args] = cmd.args;
  const loaded = loadComposeProject(ctx, { fromLabels: true, services: [service] });
  if (!loaded) return 1;
  const index = flagNumber(cmd.flags, 'index');
  if (index > 1) {
    io.err(`service "${service}" is not running container #${index} (Dockhand runs one container per service)\n`);
    return 1;
  }
  const container = serviceContainer(engineState(engine, { containersOnly: true }), loaded.project.name, service);
  if (!container || !container.running) {
    io.err(`service "${service}" is not running\n`);
    return 1;
  }
  const detach = flagBool(cmd.flags, 'detach');
  const tty = !flagBool(cmd.flags, 'no-TTY') && !detach && io.request.tty[0] && io.request.tty[1];
  const exec = dockerCommand('container exec', {
    detach, tty, interactive: !detach, user: flagString(cmd.flags, 'user'), workdir: flagString(cmd.flags, 'workdir'),
    env: flagList(cmd.flags, 'env'), privileged: flagBool(cmd.flags, 'privileged'),
  }, [container.id, ...args]);
  return execCommand({ ...ctx, cmd: exec });
}
