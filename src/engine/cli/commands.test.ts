// The declarations hold together: every path leads to one command, letters are not reused
// within a command, and the details students trip over match Docker.
import { describe, expect, it } from 'vitest';
import { DOCKER } from './commands';
import { allPaths, type CommandSpec } from './spec';

const byPath = (path: string) => DOCKER.commands.find((c) => allPaths(c).some((p) => p.join(' ') === path));
const flag = (command: CommandSpec, name: string) => command.flags.find((f) => f.name === name);

describe('the command tree', () => {
  it('has no path that names two commands', () => {
    const paths = DOCKER.commands.flatMap((c) => allPaths(c).map((p) => p.join(' ')));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('nests every two-word path under a declared management command', () => {
    const groups = new Set(DOCKER.groups.map((g) => g.name));
    for (const path of DOCKER.commands.flatMap((c) => allPaths(c))) {
      if (path.length === 2) expect(groups.has(path[0])).toBe(true);
      else expect(path.length).toBe(1);
    }
  });

  it.each(DOCKER.commands.map((c) => [c.path.join(' '), c] as const))('%s: unique flag names and letters', (_, command) => {
    const names = command.flags.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
    const letters = command.flags.flatMap((f) => (f.short ? [f.short] : []));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(letters).size).toBe(letters.length);
    expect(names).not.toContain('help');
  });

  it.each([
    ['run', 'container run'], ['create', 'container create'], ['exec', 'container exec'], ['ps', 'container ls'],
    ['container list', 'container ls'], ['container ps', 'container ls'], ['start', 'container start'],
    ['stop', 'container stop'], ['kill', 'container kill'], ['restart', 'container restart'], ['rm', 'container rm'],
    ['logs', 'container logs'], ['top', 'container top'], ['diff', 'container diff'], ['commit', 'container commit'],
    ['images', 'image ls'], ['image list', 'image ls'], ['rmi', 'image rm'], ['tag', 'image tag'],
    ['history', 'image history'], ['save', 'image save'], ['load', 'image load'], ['info', 'system info'],
    ['version', 'version'], ['inspect', 'inspect'], ['system df', 'system df'], ['container prune', 'container prune'],
    ['image prune', 'image prune'],
  ])('docker %s is docker %s', (alias, canonical) => {
    expect(byPath(alias)?.path.join(' ')).toBe(canonical);
  });
});

describe('Docker details', () => {
  const run = byPath('run')!;

  it('gives run and create -h for --hostname (not help)', () => {
    expect(flag(run, 'hostname')?.short).toBe('h');
    expect(flag(byPath('create')!, 'hostname')?.short).toBe('h');
  });

  it.each([
    ['detach', 'd'], ['interactive', 'i'], ['tty', 't'], ['env', 'e'], ['workdir', 'w'], ['user', 'u'],
    ['memory', 'm'], ['publish', 'p'], ['publish-all', 'P'], ['volume', 'v'], ['label', 'l'],
  ])('run --%s is -%s', (name, short) => {
    expect(flag(run, name)?.short).toBe(short);
  });

  it.each(['entrypoint', 'name', 'rm', 'init', 'privileged', 'read-only', 'cpus', 'pids-limit', 'cap-add', 'cap-drop',
    'restart', 'mount', 'network', 'network-alias', 'stop-timeout', 'stop-signal', 'tmpfs', 'add-host', 'env-file'])(
    'run --%s has no letter', (name) => {
      expect(flag(run, name)).toBeDefined();
      expect(flag(run, name)?.short).toBeUndefined();
    },
  );

  it('keeps --net and --net-alias as hidden spellings', () => {
    expect(flag(run, 'network')?.aliases).toEqual(['net']);
    expect(flag(run, 'network-alias')?.aliases).toEqual(['net-alias']);
  });

  it('has create without --detach, run with it', () => {
    expect(flag(byPath('create')!, 'detach')).toBeUndefined();
    expect(flag(run, 'detach')?.type).toBe('bool');
  });

  it.each([
    ['logs', 'tail', 'n', 'all'], ['ps', 'last', 'n', -1], ['history', 'human', 'H', true], ['commit', 'pause', 'p', true],
    ['run', 'restart', undefined, 'no'],
  ])('docker %s --%s (-%s) defaults to %j', (command, name, short, value) => {
    const f = flag(byPath(command)!, name)!;
    expect(f.short).toBe(short);
    expect(f.default).toBe(value);
  });

  it.each([
    ['run', { min: 1 }], ['exec', { min: 2 }], ['ps', { min: 0, max: 0 }], ['tag', { min: 2, max: 2 }],
    ['commit', { min: 1, max: 2 }], ['images', { min: 0, max: 1 }], ['logs', { min: 1, max: 1 }], ['load', { min: 0, max: 0 }],
  ])('docker %s takes %j arguments', (command, args) => {
    expect(byPath(command)!.args).toEqual(args);
  });

  it('stops flag parsing at the first argument for run, create, exec (and compose exec) and top only', () => {
    const stopping = DOCKER.commands.filter((c) => c.stopAtFirstPositional).map((c) => c.path.join(' ')).sort();
    expect(stopping).toEqual(['compose exec', 'container create', 'container exec', 'container run', 'container top']);
  });
});
