// --help text in Docker's layout, checked line for line against what docker 27 prints in an
// 80-column terminal for the same flags.
import { describe, expect, it } from 'vitest';
import { DOCKER } from './commands';
import { commandHelp, flagUsages, groupHelp, rootHelp, versionLine, wrap } from './help';
import type { CommandSpec, FlagSpec } from './spec';

const find = (path: string) => DOCKER.commands.find((c) => c.path.join(' ') === path)!;

describe('commandHelp', () => {
  it('lays out docker rm --help', () => {
    expect(commandHelp(find('container rm'), ['rm'])).toBe(`
Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]

Remove one or more containers

Aliases:
  docker container rm, docker container remove, docker rm

Options:
  -f, --force     Force the removal of a running container (uses SIGKILL)
  -l, --link      Remove the specified link
  -v, --volumes   Remove anonymous volumes associated with the container
`);
  });

  it('lays out docker ps --help, wrapping long descriptions as pflag does', () => {
    expect(commandHelp(find('container ls'), ['ps'])).toBe(`
Usage:  docker ps [OPTIONS]

List containers

Aliases:
  docker container ls, docker container list, docker container ps, docker ps

Options:
  -a, --all             Show all containers (default shows just running)
  -f, --filter filter   Filter output based on conditions provided
      --format string   Format output using a custom template:
                        'table':            Print output in table format
                        with column headers (default)
                        'table TEMPLATE':   Print output in table format
                        using the given Go template
                        'json':             Print in JSON format
                        'TEMPLATE':         Print output using the given
                        Go template.
                        Refer to https://docs.docker.com/go/formatting/
                        for more information about formatting output with
                        templates
  -n, --last int        Show n last created containers (includes all
                        states) (default -1)
  -l, --latest          Show the latest created container (includes all
                        states)
      --no-trunc        Don't truncate output
  -q, --quiet           Only display container IDs
  -s, --size            Display total file sizes
`);
  });

  it('shows the canonical path for a non-top-level alias', () => {
    expect(commandHelp(find('container ls'), ['container', 'ls'])).toContain('Usage:  docker container ls [OPTIONS]');
  });

  it('has no Aliases or Options section when there are none', () => {
    expect(commandHelp(find('container diff'), ['diff'])).toBe(`
Usage:  docker diff CONTAINER

Inspect changes to files or directories on a container's filesystem

Aliases:
  docker container diff, docker diff
`);
    expect(commandHelp(find('version'), ['version'])).not.toContain('Aliases:');
  });

  it('lists -h as --hostname in docker run --help, and hides --net', () => {
    const text = commandHelp(find('container run'), ['run']);
    expect(text).toContain('\n  -h, --hostname string      Container host name\n');
    expect(text).toContain('\n  -m, --memory bytes         Memory limit\n');
    expect(text).toContain('\n      --cpus decimal         Number of CPUs\n');
    expect(text).toContain('\n      --restart string       Restart policy to apply when a container\n                             exits (default "no")\n');
    expect(text).not.toContain('--net ');
    expect(text).not.toContain('--help');
  });

  it('wraps to a narrower terminal', () => {
    const narrow = commandHelp(find('container rm'), ['rm'], 60);
    expect(narrow).toContain('  -f, --force     Force the removal of a running\n                  container (uses SIGKILL)\n');
  });
});

describe('flagUsages', () => {
  const flags: FlagSpec[] = [
    { name: 'zeta', type: 'bool', description: 'Last', default: true },
    { name: 'alpha', short: 'a', type: 'string', description: 'First', default: 'x y' },
    { name: 'count', short: 'c', type: 'int', description: 'Count', default: 0 },
    { name: 'secret', type: 'bool', description: 'Hidden', hidden: true },
    { name: 'sizes', type: 'string-list', description: 'Sizes' },
  ];

  it('sorts by long name, hides hidden flags, shows non-zero defaults only', () => {
    expect(flagUsages(flags)).toBe([
      '  -a, --alpha string   First (default "x y")',
      '  -c, --count int      Count',
      '      --sizes list     Sizes',
      '      --zeta           Last (default true)',
    ].join('\n'));
  });
});

describe('wrap (pflag)', () => {
  it('leaves short text alone and replaces newlines with indented ones', () => {
    expect(wrap(10, 79, 'short')).toBe('short');
    expect(wrap(4, 0, 'a\nb')).toBe('a\n    b');
  });

  it('starts the text on its own line at column 16 when the column is too narrow', () => {
    expect(wrap(60, 79, 'one two three four five six seven eight nine ten eleven twelve thirteen'))
      .toBe('\n                one two three four five six seven eight nine ten eleven\n                twelve thirteen');
  });

  it('keeps a word longer than the line whole', () => {
    expect(wrap(50, 79, 'x'.repeat(40))).toBe('x'.repeat(40));
  });
});

describe('groupHelp and rootHelp', () => {
  it('lists a management command\'s subcommands by name', () => {
    expect(groupHelp(DOCKER, DOCKER.groups.find((g) => g.name === 'image')!)).toBe(`
Usage:  docker image COMMAND

Manage images

Commands:
  build       Build an image from a Dockerfile
  history     Show the history of an image
  inspect     Display detailed information on one or more images
  load        Load an image from a tar archive or STDIN
  ls          List images
  prune       Remove unused images
  rm          Remove one or more images
  save        Save one or more images to a tar archive (streamed to STDOUT by default)
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Run 'docker image COMMAND --help' for more information on a command.
`);
  });

  it('puts Common Commands in Docker\'s order, then management commands, then the rest', () => {
    const text = rootHelp(DOCKER);
    expect(text.startsWith(`
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  images      List images
  version     Show the Docker version information
  info        Display system-wide information

Management Commands:
  compose     Docker Compose
  container   Manage containers
  image       Manage images
  network     Manage networks
  system      Manage Docker
  volume      Manage volumes

Commands:
  commit      Create a new image from a container's changes
`)).toBe(true);
    expect(text.endsWith(`
Global Options:
  -D, --debug     Enable debug mode
  -v, --version   Print version information and quit

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
`)).toBe(true);
    // a common command is listed once, and subcommands are not listed at the top
    expect(text.split('\n').filter((line) => line.startsWith('  ps ')).length).toBe(1);
    expect(text).not.toMatch(/^ {2}(ls|list|prune|df) /m);
  });

  it('widens the name column for a long command name', () => {
    const long: CommandSpec = { path: ['a-very-long-name'], usage: '', description: 'Long', flags: [], args: { min: 0 } };
    const text = rootHelp({ ...DOCKER, commands: [...DOCKER.commands, long] });
    expect(text).toContain('\n  a-very-long-name Long\n');
    expect(text).toContain('\n  commit           Create a new image');
  });
});

it('versionLine', () => {
  expect(versionLine('27.3.1', 'ce12230')).toBe('Docker version 27.3.1, build ce12230');
});
