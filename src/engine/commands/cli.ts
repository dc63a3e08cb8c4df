// Turns one client request into a command and its exit status.
import type { ClientIO } from '../daemon/client-io';
import { versionCommand, versionLine } from './version';

export function runCli(io: ClientIO): void {
  const [, command, ...rest] = io.request.argv;
  let code: number;
  if (command === 'version' && rest.length === 0) code = versionCommand(io);
  else if (command === '--version' || command === '-v') {
    io.out(versionLine());
    code = 0;
  } else if (command === undefined) {
    io.err('Usage:  docker [OPTIONS] COMMAND\n\nRun \'docker --help\' for more information\n');
    code = 0;
  } else {
    io.err(`docker: '${command}' is not a docker command.\nSee 'docker --help'\n`);
    code = 125;
  }
  io.exit(code);
}
