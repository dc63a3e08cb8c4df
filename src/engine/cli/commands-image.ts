// Declarations of the image and system commands (no behaviour), as in docker/cli 27
// (cli/command/image, cli/command/system).
import { filterFlag, formatFlag, inspectFormatFlag } from './commands-container';
import type { CommandSpec } from './spec';

export const IMAGE_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['image', 'build'], aliases: [['build']], commonOrder: 4,
    usage: '[OPTIONS] PATH | -', description: 'Build an image from a Dockerfile', args: { min: 1, max: 1 },
    flags: [
      { name: 'build-arg', type: 'string-list', description: 'Set build-time variables' },
      { name: 'file', short: 'f', type: 'string', description: "Name of the Dockerfile (Default is 'PATH/Dockerfile')" },
      { name: 'label', type: 'string-list', description: 'Set metadata for an image' },
      { name: 'no-cache', type: 'bool', description: 'Do not use cache when building the image' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Suppress the build output and print image ID on success' },
      { name: 'tag', short: 't', type: 'string-list', description: 'Name and optionally a tag in the "name:tag" format' },
      { name: 'target', type: 'string', description: 'Set the target build stage to build.' },
    ],
  },
  {
    path: ['image', 'ls'], aliases: [['image', 'list'], ['images']], commonOrder: 7,
    usage: '[OPTIONS] [REPOSITORY[:TAG]]', description: 'List images', args: { min: 0, max: 1 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Show all images (default hides intermediate images)' },
      { name: 'digests', type: 'bool', description: 'Show digests' },
      filterFlag('Filter output based on conditions provided', 'f'),
      formatFlag(),
      { name: 'no-trunc', type: 'bool', description: "Don't truncate output" },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only show image IDs' },
    ],
  },
  {
    path: ['image', 'rm'], aliases: [['image', 'remove'], ['rmi']],
    usage: '[OPTIONS] IMAGE [IMAGE...]', description: 'Remove one or more images', args: { min: 1 },
    flags: [
      { name: 'force', short: 'f', type: 'bool', description: 'Force removal of the image' },
      { name: 'no-prune', type: 'bool', description: 'Do not delete untagged parents' },
    ],
  },
  {
    path: ['image', 'tag'], aliases: [['tag']],
    usage: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', description: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    args: { min: 2, max: 2 }, flags: [],
  },
  {
    path: ['image', 'history'], aliases: [['history']],
    usage: '[OPTIONS] IMAGE', description: 'Show the history of an image', args: { min: 1, max: 1 },
    flags: [
      formatFlag(),
      { name: 'human', short: 'H', type: 'bool', default: true, description: 'Print sizes and dates in human readable format' },
      { name: 'no-trunc', type: 'bool', description: "Don't truncate output" },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Only show image IDs' },
    ],
  },
  {
    path: ['image', 'save'], aliases: [['save']],
    usage: '[OPTIONS] IMAGE [IMAGE...]',
    description: 'Save one or more images to a tar archive (streamed to STDOUT by default)', args: { min: 1 },
    flags: [{ name: 'output', short: 'o', type: 'string', description: 'Write to a file, instead of STDOUT' }],
  },
  {
    path: ['image', 'load'], aliases: [['load']],
    usage: '[OPTIONS]', description: 'Load an image from a tar archive or STDIN', args: { min: 0, max: 0 },
    flags: [
      { name: 'input', short: 'i', type: 'string', description: 'Read from tar archive file, instead of STDIN' },
      { name: 'quiet', short: 'q', type: 'bool', description: 'Suppress the load output' },
    ],
  },
  {
    path: ['image', 'inspect'],
    usage: '[OPTIONS] IMAGE [IMAGE...]', description: 'Display detailed information on one or more images',
    args: { min: 1 }, flags: [inspectFormatFlag],
  },
  {
    path: ['image', 'prune'],
    usage: '[OPTIONS]', description: 'Remove unused images', args: { min: 0, max: 0 },
    flags: [
      { name: 'all', short: 'a', type: 'bool', description: 'Remove all unused images, not just dangling ones' },
      filterFlag('Provide filter values (e.g. "until=<timestamp>")'),
      { name: 'force', short: 'f', type: 'bool', description: 'Do not prompt for confirmation' },
    ],
  },
];

export const SYSTEM_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['system', 'df'],
    usage: '[OPTIONS]', description: 'Show docker disk usage', args: { min: 0, max: 0 },
    flags: [formatFlag(), { name: 'verbose', short: 'v', type: 'bool', description: 'Show detailed information on space usage' }],
  },
  {
    path: ['system', 'info'], aliases: [['info']], commonOrder: 12,
    usage: '[OPTIONS]', description: 'Display system-wide information', args: { min: 0, max: 0 },
    flags: [inspectFormatFlag],
  },
  {
    path: ['version'], commonOrder: 11,
    usage: '[OPTIONS]', description: 'Show the Docker version information', args: { min: 0, max: 0 },
    flags: [inspectFormatFlag],
  },
  {
    path: ['inspect'],
    usage: '[OPTIONS] NAME|ID [NAME|ID...]', description: 'Return low-level information on Docker objects',
    args: { min: 1 },
    flags: [
      inspectFormatFlag,
      { name: 'size', short: 's', type: 'bool', description: 'Display total file sizes if the type is container' },
      { name: 'type', type: 'string', description: 'Only inspect objects of the given type' },
    ],
  },
];
