// Declarations of `docker compose …` (docker/compose cmd/compose), the subset Dockhand's engine
// carries out, with compose's names, letters and descriptions. No behaviour.
import { formatFlag } from './commands-container';
import type { CommandSpec, FlagSpec, GroupSpec } from './spec';

/** compose's own flags, before the subcommand (or after it, where the subcommand does not use the name). */
export const COMPOSE_FLAGS: readonly FlagSpec[] = [
  { name: 'file', short: 'f', type: 'string-list', valueName: 'stringArray', description: 'Compose configuration files' },
  { name: 'project-name', short: 'p', type: 'string', description: 'Project name' },
  { name: 'project-directory', type: 'string', description: 'Specify an alternate working directory\n(default: the path of the, first specified, Compose file)' },
];

export const COMPOSE_GROUP: GroupSpec = { name: 'compose', description: 'Docker Compose', flags: COMPOSE_FLAGS };

const timeout = (description: string): FlagSpec => ({ name: 'timeout', short: 't', type: 'int', description });
const servicesUsage = '[OPTIONS] [SERVICE...]';

export const COMPOSE_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['compose', 'up'], usage: servicesUsage, description: 'Create and start containers', args: { min: 0 },
    flags: [
      { name: 'detach', short: 'd', type: 'bool', description: 'Detached mode: Run containers in the background' },
      { name: 'build', type: 'bool', description: 'Build images before starting containers' },
      { name: 'no-build', type: 'bool', description: "Don't build an image, even if it's policy" },
      { name: 'force-recreate', type: 'bool', description: "Recreate containers even if their configuration and image haven't changed" },
      { name: 'no-recreate', type: 'bool', description: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
      { name: 'no-start', type: 'bool', description: "Don't start the services after creating them" },
      { name: 'remove-orphans', type: 'bool', description: 'Remove containers for services not defined in the Compose file' },
      timeout('Use this timeout in seconds for container shutdown when attached or when containers are already running'),
    ],
  },
  {
    path: ['compose', 'down'], usage: '[OPTIONS] [SERVICES]', description: 'Stop and remove containers, networks', args: { min: 0 },
    flags: [
      { name: 'volumes', short: 'v', type: 'bool', description: 'Remove named volumes declared in the "volumes" section of the Compose file and anonymous volumes attached to containers' },
      { name: 'remove-orphans', type: 'bool', description: 'Remove containers for services not defined in the Compose file' },
      timeout('Specify a shutdown timeout in seconds'),
    ],
  },
  {
    path: ['compose', 'ps'], usage: servicesUsage, description: 'List containers', args: { min: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Show all stopped containers (including those created by the run command)' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only display IDs' },
      { name: 'services', type: 'bool', description: 'Display services' },
      { name: 'status', type: 'string-list', valueName: 'stringArray', description: 'Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]' },
      { name: 'no-trunc', type: 'bool', description: "Don't truncate output" },
      formatFlag(),
    ],
  },
  {
    path: ['compose', 'logs'], usage: servicesUsage, description: 'View output from containers', args: { min: 0 },
    flags: [
      { name: 'follow', short: 'f', type: 'bool', description: 'Follow log output' },
      { name: 'timestamps', short: 't', type: 'bool', description: 'Show timestamps' },
      { name: 'tail', short: 'n', type: 'string', default: 'all', description: 'Number of lines to show from the end of the logs for each container' },
      { name: 'no-log-prefix', type: 'bool', description: "Don't print prefix in logs" },
      { name: 'no-color', type: 'bool', description: 'Produce monochrome output' },
    ],
  },
  {
    path: ['compose', 'exec'], usage: '[OPTIONS] SERVICE COMMAND [ARGS...]', description: 'Execute a command in a running container',
    args: { min: 2 }, stopAtFirstPositional: true,
    flags: [
      { name: 'detach', short: 'd', type: 'bool', description: 'Detached mode: Run command in the background' },
      { name: 'no-TTY', short: 'T', type: 'bool', description: 'Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.' },
      { name: 'user', short: 'u', type: 'string', description: 'Run the command as this user' },
      { name: 'workdir', short: 'w', type: 'string', description: 'Path to workdir directory for this command' },
      { name: 'env', short: 'e', type: 'string-list', valueName: 'stringArray', description: 'Set environment variables' },
      { name: 'privileged', type: 'bool', description: 'Give extended privileges to the process' },
      { name: 'index', type: 'int', description: 'Index of the container if service has multiple replicas' },
    ],
  },
  {
    path: ['compose', 'build'], usage: servicesUsage, description: 'Build or rebuild services', args: { min: 0 },
    flags: [
      { name: 'no-cache', type: 'bool', description: 'Do not use cache when building the image' },
      { name: 'build-arg', type: 'string-list', valueName: 'stringArray', description: 'Set build-time variables for services' },
      { name: 'quiet', short: 'q', type: 'bool', description: "Don't print anything to STDOUT" },
    ],
  },
  {
    path: ['compose', 'config'], usage: servicesUsage, description: 'Parse, resolve and render compose file in canonical format', args: { min: 0 },
    flags: [
      { name: 'format', type: 'string', default: 'yaml', description: 'Format the output. Values: [yaml | json]' },
      { name: 'services', type: 'bool', description: 'Print the service names, one per line.' },
      { name: 'volumes', type: 'bool', description: 'Print the volume names, one per line.' },
      { name: 'networks', type: 'bool', description: 'Print the network names, one per line.' },
      { name: 'images', type: 'bool', description: 'Print the image names, one per line.' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only validate the configuration, don\'t print anything' },
    ],
  },
  {
    path: ['compose', 'start'], usage: '[SERVICE...]', description: 'Start services', args: { min: 0 }, flags: [],
  },
  {
    path: ['compose', 'stop'], usage: servicesUsage, description: 'Stop services', args: { min: 0 },
    flags: [timeout('Specify a shutdown timeout in seconds')],
  },
  {
    path: ['compose', 'restart'], usage: servicesUsage, description: 'Restart service containers', args: { min: 0 },
    flags: [timeout('Specify a shutdown timeout in seconds')],
  },
  {
    path: ['compose', 'rm'], usage: servicesUsage, description: 'Removes stopped service containers', args: { min: 0 },
    flags: [
      { name: 'force', short: 'f', type: 'bool', description: "Don't ask to confirm removal" },
      { name: 'stop', short: 's', type: 'bool', description: 'Stop the containers, if required, before removing' },
      { name: 'volumes', short: 'v', type: 'bool', description: 'Remove any anonymous volumes attached to containers' },
    ],
  },
  {
    path: ['compose', 'ls'], usage: '[OPTIONS]', description: 'List running compose projects', args: { min: 0, max: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Show all stopped Compose projects' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only display project names' },
    ],
  },
];
