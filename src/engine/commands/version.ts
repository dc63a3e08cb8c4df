// `docker version`: the client's and the engine's versions, and the kernel they share.
import * as std from 'std';
import type { ClientIO } from '../daemon/client-io';

export const ENGINE_VERSION = '0.1.0';
export const API_VERSION = '1.47';

function readLine(path: string): string {
  const file = std.open(path, 'r');
  if (!file) return 'unknown';
  try {
    return file.readAsString().trim();
  } finally {
    file.close();
  }
}

export function versionCommand(io: ClientIO): number {
  const kernel = readLine('/proc/sys/kernel/osrelease');
  io.out([
    'Client: Dockhand',
    ` Version:           ${ENGINE_VERSION}`,
    ` API version:       ${API_VERSION}`,
    ' Built with:        C (static, i386)',
    ' OS/Arch:           linux/386',
    '',
    'Server: Dockhand Engine',
    ' Engine:',
    `  Version:          ${ENGINE_VERSION}`,
    `  API version:      ${API_VERSION} (minimum version 1.24)`,
    '  Runs on:          QuickJS, inside this VM',
    '  OS/Arch:          linux/386',
    `  Kernel Version:   ${kernel}`,
    '',
  ].join('\n'));
  return 0;
}

export function versionLine(): string {
  return `Docker version ${ENGINE_VERSION}, build dockhand\n`;
}
