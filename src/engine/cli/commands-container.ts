// Declarations of the container commands (no behaviour): names, aliases, usage, flags and
// argument counts as in docker/cli 27 (cli/command/container/*.go).
import { CREATE_FLAGS, createFlag, RUN_FLAGS } from './run-flags';
import type { CommandSpec, FlagSpec } from './spec';

const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

export const formatFlag = (short?: string): FlagSpec =>
  ({ name: 'format', short, type: 'string', description: FORMAT_HELP });
export const inspectFormatFlag: FlagSpec =
  { name: 'format', short: 'f', type: 'string', description: INSPECT_FORMAT_HELP };
export const filterFlag = (description: string, short?: string): FlagSpec =>
  ({ name: 'filter', short, type: 'string-list', valueName: 'filter', description });

const signalFlag: FlagSpec = { name: 'signal', short: 's', type: 'string', description: 'Signal to send to the container' };
/** Docker 28 renamed --time to --timeout; both are accepted, --time is what 27 shows */
const timeFlag: FlagSpec = {
  name: 'time', short: 't', type: 'int', aliases: ['timeout'],
  description: 'Seconds to wait before killing the container',
};

export const CONTAINER_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['container', 'run'], aliases: [['run']], commonOrder: 1,
    usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]', description: 'Create and run a new container from an image',
    flags: RUN_FLAGS, args: { min: 1 }, stopAtFirstPositional: true,
  },
  {
    path: ['container', 'create'], aliases: [['create']],
    usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]', description: 'Create a new container',
    flags: CREATE_FLAGS, args: { min: 1 }, stopAtFirstPositional: true,
  },
  {
    path: ['container', 'exec'], aliases: [['exec']], commonOrder: 2,
    usage: '[OPTIONS] CONTAINER COMMAND [ARG...]', description: 'Execute a command in a running container',
    args: { min: 2 }, stopAtFirstPositional: true,
    flags: [
      { name: 'detach', short: 'd', type: 'bool', description: 'Detached mode: run command in the background' },
      createFlag('env'),
      createFlag('env-file'),
      createFlag('interactive'),
      { name: 'privileged', type: 'bool', description: 'Give extended privileges to the command' },
      createFlag('tty'),
      createFlag('user'),
      createFlag('workdir'),
    ],
  },
  {
    path: ['container', 'ls'], aliases: [['container', 'list'], ['container', 'ps'], ['ps']], commonOrder: 3,
    usage: '[OPTIONS]', description: 'List containers', args: { min: 0, max: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Show all containers (default shows just running)' },
      filterFlag('Filter output based on conditions provided', 'f'),
      formatFlag(),
      { name: 'last', short: 'n', type: 'int', default: -1, description: 'Show n last created containers (includes all states)' },
      { name: 'latest', short: 'l', type: 'bool', description: 'Show the latest created container (includes all states)' },
      { name: 'no-trunc', type: 'bool', description: "Don't truncate output" },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only display container IDs' },
      { name: 'size', short: 's', type: 'bool', description: 'Display total file sizes' },
    ],
  },
  {
    path: ['container', 'start'], aliases: [['start']],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Start one or more stopped containers', args: { min: 1 },
    flags: [
      { name: 'attach', short: 'a', type: 'bool', description: 'Attach STDOUT/STDERR and forward signals' },
      { name: 'interactive', short: 'i', type: 'bool', description: "Attach container's STDIN" },
    ],
  },
  {
    path: ['container', 'stop'], aliases: [['stop']],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Stop one or more running containers', args: { min: 1 },
    flags: [signalFlag, timeFlag],
  },
  {
    path: ['container', 'restart'], aliases: [['restart']],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Restart one or more containers', args: { min: 1 },
    flags: [signalFlag, timeFlag],
  },
  {
    path: ['container', 'kill'], aliases: [['kill']],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Kill one or more running containers', args: { min: 1 },
    flags: [signalFlag],
  },
  {
    path: ['container', 'rm'], aliases: [['container', 'remove'], ['rm']],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Remove one or more containers', args: { min: 1 },
    flags: [
      { name: 'force', short: 'f', type: 'bool', description: 'Force the removal of a running container (uses SIGKILL)' },
      { name: 'link', short: 'l', type: 'bool', description: 'Remove the specified link' },
      { name: 'volumes', short: 'v', type: 'bool', description: 'Remove anonymous volumes associated with the container' },
    ],
  },
  {
    path: ['container', 'logs'], aliases: [['logs']],
    usage: '[OPTIONS] CONTAINER', description: 'Fetch the logs of a container', args: { min: 1, max: 1 },
    flags: [
      { name: 'follow', short: 'f', type: 'bool', description: 'Follow log output' },
      { name: 'tail', short: 'n', type: 'string', default: 'all', description: 'Number of lines to show from the end of the logs' },
      { name: 'timestamps', short: 't', type: 'bool', description: 'Show timestamps' },
    ],
  },
  {
    path: ['container', 'inspect'],
    usage: '[OPTIONS] CONTAINER [CONTAINER...]', description: 'Display detailed information on one or more containers',
    args: { min: 1 },
    flags: [inspectFormatFlag, { name: 'size', short: 's', type: 'bool', description: 'Display total file sizes' }],
  },
  {
    path: ['container', 'top'], aliases: [['top']],
    usage: 'CONTAINER [ps OPTIONS]', description: 'Display the running processes of a container',
    args: { min: 1 }, stopAtFirstPositional: true, flags: [],
  },
  {
    path: ['container', 'port'], aliases: [['port']],
    usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]', description: 'List port mappings or a specific mapping for the container',
    args: { min: 1, max: 2 }, flags: [],
  },
  {
    path: ['container', 'diff'], aliases: [['diff']],
    usage: 'CONTAINER', description: "Inspect changes to files or directories on a container's filesystem",
    args: { min: 1, max: 1 }, flags: [],
  },
  {
    path: ['container', 'commit'], aliases: [['commit']],
    usage: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]', description: "Create a new image from a container's changes",
    args: { min: 1, max: 2 },
    flags: [
      { name: 'author', short: 'a', type: 'string', description: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
      { name: 'change', short: 'c', type: 'string-list', description: 'Apply Dockerfile instruction to the created image' },
      { name: 'message', short: 'm', type: 'string', description: 'Commit message' },
      { name: 'pause', short: 'p', type: 'bool', default: true, description: 'Pause container during commit' },
    ],
  },
  {
    path: ['container', 'prune'],
    usage: '[OPTIONS]', description: 'Remove all stopped containers', args: { min: 0, max: 0 },
    flags: [
      filterFlag('Provide filter values (e.g. "until=<timestamp>")'),
      { name: 'force', short: 'f', type: 'bool', description: 'Do not prompt for confirmation' },
    ],
  },
];
