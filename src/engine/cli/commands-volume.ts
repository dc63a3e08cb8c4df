// Declarations of `docker volume …` (docker/cli cli/command/volume), no behaviour.
import { filterFlag, formatFlag, inspectFormatFlag } from './commands-container';
import type { CommandSpec } from './spec';

export const VOLUME_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['volume', 'create'], usage: '[OPTIONS] [VOLUME]', description: 'Create a volume', args: { min: 0, max: 1 },
    flags: [
      { name: 'driver', short: 'd', type: 'string', default: 'local', description: 'Specify volume driver name' },
      { name: 'label', type: 'string-list', description: 'Set metadata for a volume' },
      { name: 'name', type: 'string', description: 'Specify volume name', hidden: true },
    ],
  },
  {
    path: ['volume', 'ls'], aliases: [['volume', 'list']], usage: '[OPTIONS]', description: 'List volumes', args: { min: 0, max: 0 },
    flags: [
      filterFlag("Provide filter values (e.g. 'dangling=true')", 'f'),
      formatFlag(),
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only display volume names' },
    ],
  },
  {
    path: ['volume', 'inspect'], usage: '[OPTIONS] VOLUME [VOLUME...]', description: 'Display detailed information on one or more volumes',
    args: { min: 1 }, flags: [inspectFormatFlag],
  },
  {
    path: ['volume', 'rm'], aliases: [['volume', 'remove']], usage: '[OPTIONS] VOLUME [VOLUME...]',
    description: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.', args: { min: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', description: 'Force the removal of one or more volumes' }],
  },
  {
    path: ['volume', 'prune'], usage: '[OPTIONS]', description: 'Remove unused local volumes', args: { min: 0, max: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Remove all unused volumes, not just anonymous ones' },
      filterFlag("Provide filter values (e.g. 'label=<label>')"),
      { name: 'force', short: 'f', type: 'bool', description: 'Do not prompt for confirmation' },
    ],
  },
];
