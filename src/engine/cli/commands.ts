// The whole `docker` command tree Dockhand understands: the root (its global flags), the
// management commands and every command. Declarations only; the engine implements them.
import { CONTAINER_COMMANDS } from './commands-container';
import { IMAGE_COMMANDS, SYSTEM_COMMANDS } from './commands-image';
import type { RootSpec } from './spec';
import { VOLUME_COMMANDS } from './commands-volume';
import { NETWORK_COMMANDS } from './commands-network';
import { COMPOSE_COMMANDS, COMPOSE_GROUP } from './commands-compose';

export const DOCKER: RootSpec = {
  usage: 'docker [OPTIONS] COMMAND',
  description: 'A self-sufficient runtime for containers',
  flags: [
    { name: 'debug', short: 'D', type: 'bool', description: 'Enable debug mode' },
    { name: 'version', short: 'v', type: 'bool', description: 'Print version information and quit' },
  ],
  groups: [
    COMPOSE_GROUP,
    { name: 'container', description: 'Manage containers' },
    { name: 'image', description: 'Manage images' },
    { name: 'network', description: 'Manage networks' },
    { name: 'system', description: 'Manage Docker' },
    { name: 'volume', description: 'Manage volumes' },
  ],
  commands: [...CONTAINER_COMMANDS, ...IMAGE_COMMANDS, ...SYSTEM_COMMANDS, ...VOLUME_COMMANDS, ...NETWORK_COMMANDS, ...COMPOSE_COMMANDS],
};
