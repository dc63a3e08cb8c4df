// Declarations of `docker network …` (docker/cli cli/command/network), no behaviour.
import { filterFlag, formatFlag, inspectFormatFlag } from './commands-container';
import type { CommandSpec } from './spec';

export const NETWORK_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['network', 'create'], usage: '[OPTIONS] NETWORK', description: 'Create a network', args: { min: 1, max: 1 },
    flags: [
      { name: 'driver', short: 'd', type: 'string', default: 'bridge', description: 'Driver to manage the Network' },
      { name: 'subnet', type: 'string-list', description: 'Subnet in CIDR format that represents a network segment' },
      { name: 'gateway', type: 'string-list', description: 'IPv4 or IPv6 Gateway for the master subnet' },
      { name: 'label', type: 'string-list', description: 'Set metadata on a network' },
    ],
  },
  {
    path: ['network', 'ls'], aliases: [['network', 'list']], usage: '[OPTIONS]', description: 'List networks', args: { min: 0, max: 0 },
    flags: [
      filterFlag("Provide filter values (e.g. 'driver=bridge')", 'f'),
      formatFlag(),
      { name: 'no-trunc', type: 'bool', description: 'Do not truncate the output' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only display network IDs' },
    ],
  },
  {
    path: ['network', 'inspect'], usage: '[OPTIONS] NETWORK [NETWORK...]', description: 'Display detailed information on one or more networks',
    args: { min: 1 }, flags: [inspectFormatFlag, { name: 'verbose', short: 'v', type: 'bool', description: 'Verbose output for diagnostics' }],
  },
  {
    path: ['network', 'rm'], aliases: [['network', 'remove']], usage: 'NETWORK [NETWORK...]', description: 'Remove one or more networks', args: { min: 1 },
    flags: [{ name: 'force', short: 'f', type: 'bool', description: 'Do not error if the network does not exist' }],
  },
  {
    path: ['network', 'connect'], usage: '[OPTIONS] NETWORK CONTAINER', description: 'Connect a container to a network', args: { min: 2, max: 2 },
    flags: [{ name: 'alias', type: 'string-list', description: 'Add network-scoped alias for the container' }],
  },
  {
    path: ['network', 'disconnect'], usage: '[OPTIONS] NETWORK CONTAINER', description: 'Disconnect a container from a network', args: { min: 2, max: 2 },
    flags: [{ name: 'force', short: 'f', type: 'bool', description: 'Force the container to disconnect from a network' }],
  },
  {
    path: ['network', 'prune'], usage: '[OPTIONS]', description: 'Remove all unused networks', args: { min: 0, max: 0 },
    flags: [
      filterFlag("Provide filter values (e.g. 'until=<timestamp>')"),
      { name: 'force', short: 'f', type: 'bool', description: 'Do not prompt for confirmation' },
    ],
  },
];
