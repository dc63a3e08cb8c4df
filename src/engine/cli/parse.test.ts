// The docker command line as a whole: which command runs, and the exact text and exit code
// Docker gives for help, version and every kind of mistake.
import { describe, expect, it } from 'vitest';
import { flagBool, flagList, flagNumber, flagString, parseCommandLine, type Parsed } from './parse';

const parse = (line: string) => parseCommandLine(line === '' ? [] : line.split(' '));
const command = (line: string) => {
  const result = parse(line);
  if (result.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result;
};
const error = (line: string) => {
  const result = parse(line);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result;
};
const help = (line: string) => {
  const result = parse(line);
  if (result.kind !== 'help') throw new Error(`expected help, got ${JSON.stringify(result)}`);
  return result;
};

describe('finding the command', () => {
  it.each([
    ['ps', ['container', 'ls'], ['ps']],
    ['container ls', ['container', 'ls'], ['container', 'ls']],
    ['container list', ['container', 'ls'], ['container', 'ls']],
    ['container ps', ['container', 'ls'], ['container', 'ls']],
    ['images', ['image', 'ls'], ['images']],
    ['image list', ['image', 'ls'], ['image', 'ls']],
    ['rmi x', ['image', 'rm'], ['rmi']],
    ['image remove x', ['image', 'rm'], ['image', 'rm']],
    ['rm x', ['container', 'rm'], ['rm']],
    ['container remove x', ['container', 'rm'], ['container', 'rm']],
    ['run alpine', ['container', 'run'], ['run']],
    ['container run alpine', ['container', 'run'], ['container', 'run']],
    ['system df', ['system', 'df'], ['system', 'df']],
    ['info', ['system', 'info'], ['info']],
    ['container prune', ['container', 'prune'], ['container', 'prune']],
    ['image prune -a', ['image', 'prune'], ['image', 'prune']],
    ['version', ['version'], ['version']],
    ['inspect x', ['inspect'], ['inspect']],
    ['container inspect x', ['container', 'inspect'], ['container', 'inspect']],
  ])('docker %s → %j (shown as %j)', (line, canonical, shown) => {
    const result = command(line);
    expect(result.command.path).toEqual(canonical);
    expect(result.path).toEqual(shown);
  });

  it('finds a subcommand after a flag, as cobra does', () => {
    expect(command('container -a ls').flags.all).toBe(true);
  });
});

describe('docker run', () => {
  it('stops at the image: the rest is the container command', () => {
    const r = command('run -it --rm --name=web -e A=1 -e B=2 -p8080:80 -m 64m alpine sh -c ls -la --rm');
    expect(r.args).toEqual(['alpine', 'sh', '-c', 'ls', '-la', '--rm']);
    expect(r.flags).toMatchObject({
      interactive: true, tty: true, rm: true, name: 'web', env: ['A=1', 'B=2'], publish: ['8080:80'], memory: 64 * 1024 * 1024,
    });
    expect(r.changed).toEqual(['interactive', 'tty', 'rm', 'name', 'env', 'publish', 'memory']);
  });

  it('reads -h as --hostname, and --help as help', () => {
    expect(command('run -h box alpine').flags.hostname).toBe('box');
    expect(help('run --help').stream).toBe('stdout');
    expect(error('run -h').message).toBe("flag needs an argument: 'h' in -h\nSee 'docker run --help'.");
  });

  it('takes --help after the image as part of the command', () => {
    expect(command('run alpine --help').args).toEqual(['alpine', '--help']);
  });

  it.each([
    ['run --net host alpine', 'network', 'host'],
    ['run --network=bridge alpine', 'network', 'bridge'],
    ['run --cpus 1.5 alpine', 'cpus', 1.5],
    ['run --cpus 3/2 alpine', 'cpus', 1.5],
    ['run --pids-limit -1 alpine', 'pids-limit', -1],
    ['run --stop-timeout 5 alpine', 'stop-timeout', 5],
    ['run -P alpine', 'publish-all', true],
    ['run --add-host db:10.0.0.2 alpine', 'add-host', ['db:10.0.0.2']],
    ['create --restart always alpine', 'restart', 'always'],
    ['create alpine', 'restart', 'no'],
  ])('docker %s → %s = %j', (line, name, value) => {
    expect(command(line).flags[name]).toEqual(value);
  });

  it.each([
    ['run --cpus abc alpine', 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number'],
    ['run --cpus 0.0000000001 alpine', 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise'],
    ['run --add-host nohost alpine', 'invalid argument "nohost" for "--add-host" flag: bad format for add-host: "nohost"'],
    ['run -m abc alpine', `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`],
    ['run --pids-limit x alpine', 'invalid argument "x" for "--pids-limit" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    ['run --foo alpine', 'unknown flag: --foo'],
    ['run -z alpine', "unknown shorthand flag: 'z' in -z"],
  ])('docker %s', (line, detail) => {
    expect(error(line)).toMatchObject({ message: `${detail}\nSee 'docker run --help'.`, exitCode: 125 });
  });

  it('has no -d on docker create', () => {
    expect(error('create -d alpine').message).toBe("unknown shorthand flag: 'd' in -d\nSee 'docker create --help'.");
  });
});

describe('argument counts (exit 1)', () => {
  it.each([
    ['rm', `"docker rm" requires at least 1 argument.\nSee 'docker rm --help'.\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers`],
    ['container rm', `"docker container rm" requires at least 1 argument.\nSee 'docker container rm --help'.\n\nUsage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers`],
    ['run', `"docker run" requires at least 1 argument.\nSee 'docker run --help'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image`],
    ['exec web', `"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container`],
    ['ps x', `"docker ps" accepts no arguments.\nSee 'docker ps --help'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers`],
    ['tag a', `"docker tag" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE`],
    ['logs', `"docker logs" requires exactly 1 argument.\nSee 'docker logs --help'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container`],
    ['images a b', `"docker images" requires at most 1 argument.\nSee 'docker images --help'.\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images`],
    ['commit a b c', `"docker commit" requires at least 1 and at most 2 arguments.\nSee 'docker commit --help'.\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container's changes`],
    ['container list x', `"docker container ls" accepts no arguments.\nSee 'docker container ls --help'.\n\nUsage:  docker container ls [OPTIONS]\n\nList containers`],
  ])('docker %s', (line, message) => {
    expect(error(line)).toEqual({ kind: 'error', message, exitCode: 1, warnings: [] });
  });

  it('shows help rather than complain about missing arguments', () => {
    expect(help('rm --help').text).toContain('Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]');
  });

  it('reports a bad flag before help', () => {
    expect(error('rm --help --nope').message).toBe("unknown flag: --nope\nSee 'docker rm --help'.");
  });

  it('lets top take ps options after the container', () => {
    expect(command('top web -ef').args).toEqual(['web', '-ef']);
  });
});

describe('the docker command itself', () => {
  it('prints help on stderr when run alone, on stdout for --help', () => {
    expect(help('').stream).toBe('stderr');
    expect(help('--help').stream).toBe('stdout');
    expect(help('--help').text.startsWith('\nUsage:  docker [OPTIONS] COMMAND\n')).toBe(true);
  });

  it.each(['--version', '-v', '-D --version'])('docker %s asks for the version', (line) => {
    expect(parse(line).kind).toBe('version');
  });

  it('keeps global flags apart from the command', () => {
    const r = command('-D ps -a');
    expect(r.global.debug).toBe(true);
    expect(r.flags.all).toBe(true);
  });

  it('rejects an unknown command (exit 1)', () => {
    expect(error('foo')).toEqual({
      kind: 'error', message: "docker: 'foo' is not a docker command.\nSee 'docker --help'", exitCode: 1, warnings: [],
    });
  });

  it('rejects an unknown global flag with the usage', () => {
    const e = error('--foo ps');
    expect(e.exitCode).toBe(125);
    expect(e.message.startsWith("unknown flag: --foo\nSee 'docker --help'.\n\nUsage:  docker [OPTIONS] COMMAND\n")).toBe(true);
  });

  it('prints the deprecation notice for -h, then help', () => {
    const r = parse('ps -h');
    expect(r).toMatchObject({ kind: 'help', stream: 'stdout', warnings: ['Flag shorthand -h has been deprecated, please use --help'] });
  });

  it.each<[string, Parsed['kind'], string]>([
    ['help', 'help', '\nUsage:  docker [OPTIONS] COMMAND'],
    ['help ps', 'help', '\nUsage:  docker ps [OPTIONS]'],
    ['help container ls', 'help', '\nUsage:  docker container ls [OPTIONS]'],
    ['help image', 'help', '\nUsage:  docker image COMMAND'],
  ])('docker %s', (line, kind, start) => {
    const r = parse(line);
    expect(r.kind).toBe(kind);
    expect(r.kind === 'help' && r.text.startsWith(start)).toBe(true);
  });

  it('rejects an unknown help topic', () => {
    expect(error('help nope')).toMatchObject({ message: 'unknown help topic: nope', exitCode: 1 });
  });
});

describe('management commands', () => {
  it('prints their help on stderr when given no subcommand', () => {
    const r = help('container');
    expect(r.stream).toBe('stderr');
    expect(r.text.startsWith('\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n')).toBe(true);
  });

  it('prints their usage for an unknown subcommand (exit 1)', () => {
    const e = error('image frobnicate');
    expect(e.exitCode).toBe(1);
    expect(e.message.startsWith('\nUsage:  docker image COMMAND\n\nManage images\n\nCommands:\n')).toBe(true);
    expect(e.message.endsWith("Run 'docker image COMMAND --help' for more information on a command.")).toBe(true);
  });

  it('prints their help for --help even after an unknown word, as cobra does', () => {
    expect(help('image frobnicate --help').stream).toBe('stdout');
  });

  it('rejects a flag they do not have, with their usage', () => {
    const e = error('system --all');
    expect(e.exitCode).toBe(125);
    expect(e.message.startsWith("unknown flag: --all\nSee 'docker system --help'.\n\nUsage:  docker system COMMAND")).toBe(true);
  });
});

describe('typed flag reads', () => {
  it('reads each type', () => {
    const { flags } = command('ps -a -n 3 --format {{.ID}} -f status=exited -f name=web');
    expect(flagBool(flags, 'all')).toBe(true);
    expect(flagNumber(flags, 'last')).toBe(3);
    expect(flagString(flags, 'format')).toBe('{{.ID}}');
    expect(flagList(flags, 'filter')).toEqual(['status=exited', 'name=web']);
    expect(flagList(flags, 'all')).toEqual([]);
  });

  it('gives stop -t and its Docker 28 spelling --timeout the same value', () => {
    expect(command('stop -t 3 web').flags.time).toBe(3);
    expect(command('stop --timeout 4 web').flags.time).toBe(4);
  });
});
