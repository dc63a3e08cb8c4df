// Turns one client request into a command and its exit status: Docker's parsing, help and
// errors (src/engine/cli), then the handler registered for the command's canonical path.
import { parseCommandLine } from '../cli/parse';
import type { ClientIO } from '../daemon/client-io';
import type { Engine, Handler } from './context';
import { imagesCommand } from './images';
import { diffCommand } from './diff';
import { historyCommand } from './history';
import { containerInspectCommand, imageInspectCommand, inspectCommand } from './inspect';
import { psCommand } from './ps';
import { pruneCommand, rmCommand } from './rm';
import { topCommand } from './top';
import { portCommand } from './port';
import { runCommand } from './run';
import { createCommand } from './create';
import { execCommand } from './exec';
import { logsCommand } from './logs';
import { startCommand } from './start';
import { killCommand, restartCommand, stopCommand } from './stop';
import { versionCommand, versionLine } from './version';
import { volumeCreateCommand, volumeInspectCommand, volumeLsCommand, volumePruneCommand, volumeRmCommand } from './volume';
import { buildCommand } from './build';
import {
  networkConnectCommand, networkCreateCommand, networkDisconnectCommand, networkInspectCommand, networkLsCommand, networkPruneCommand, networkRmCommand,
} from './network';
import { commitCommand, imagePruneCommand, loadCommand, rmiCommand, saveCommand, tagCommand } from './image-write';
import { infoCommand, systemDfCommand } from './system';
import { composeBuildCommand } from './compose-build';
import { composeConfigCommand } from './compose-config';
import { composeDownCommand } from './compose-down';
import { composeExecCommand } from './compose-exec';
import { composeRestartCommand, composeRmCommand, composeStartCommand, composeStopCommand } from './compose-lifecycle';
import { composeLogsCommand } from './compose-logs';
import { composeLsCommand, composePsCommand } from './compose-ps';
import { composeUpCommand } from './compose-up';

const HANDLERS: Record<string, Handler> = {
  'version': ({ io }) => versionCommand(io),
  'image ls': imagesCommand,
  'container run': runCommand,
  'container create': createCommand,
  'container start': startCommand,
  'container stop': stopCommand,
  'container restart': restartCommand,
  'container kill': killCommand,
  'container logs': logsCommand,
  'container exec': execCommand,
  'container ls': psCommand,
  'container rm': rmCommand,
  'container prune': pruneCommand,
  'container inspect': containerInspectCommand,
  'image inspect': imageInspectCommand,
  'inspect': inspectCommand,
  'container diff': diffCommand,
  'image history': historyCommand,
  'container top': topCommand,
  'container port': portCommand,
  'container commit': commitCommand,
  'image tag': tagCommand,
  'image rm': rmiCommand,
  'image prune': imagePruneCommand,
  'image save': saveCommand,
  'image build': buildCommand,
  'volume create': volumeCreateCommand,
  'volume ls': volumeLsCommand,
  'volume inspect': volumeInspectCommand,
  'volume rm': volumeRmCommand,
  'volume prune': volumePruneCommand,
  'image load': loadCommand,
  'network create': networkCreateCommand,
  'network ls': networkLsCommand,
  'network inspect': networkInspectCommand,
  'network rm': networkRmCommand,
  'network connect': networkConnectCommand,
  'network disconnect': networkDisconnectCommand,
  'network prune': networkPruneCommand,
  'system df': systemDfCommand,
  'system info': infoCommand,
  'compose up': composeUpCommand,
  'compose down': composeDownCommand,
  'compose ps': composePsCommand,
  'compose ls': composeLsCommand,
  'compose logs': composeLogsCommand,
  'compose exec': composeExecCommand,
  'compose build': composeBuildCommand,
  'compose config': composeConfigCommand,
  'compose start': composeStartCommand,
  'compose stop': composeStopCommand,
  'compose restart': composeRestartCommand,
  'compose rm': composeRmCommand,
};

export function makeCli(engine: Engine) {
  return async function runCli(io: ClientIO): Promise<void> {
    const parsed = parseCommandLine(io.request.argv.slice(1), { width: io.request.tty[1] ? io.request.cols : 80 });
    for (const warning of parsed.warnings) io.err(warning + '\n');
    let code = 0;
    switch (parsed.kind) {
      case 'help':
        (parsed.stream === 'stdout' ? io.out : io.err).call(io, parsed.text);
        break;
      case 'version':
        io.out(versionLine());
        break;
      case 'error':
        io.err(parsed.message.endsWith('\n') ? parsed.message : parsed.message + '\n');
        code = parsed.exitCode;
        break;
      case 'command': {
        const key = parsed.command.path.join(' ');
        const handler = HANDLERS[key];
        if (handler) code = await handler({ io, cmd: parsed, engine });
        else {
          io.err(`docker: '${key}' is not available in Dockhand yet.\n`);
          code = 1;
        }
      }
    }
    io.exit(code);
  };
}
