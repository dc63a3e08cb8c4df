// `docker compose`: its own flags before the subcommand (or after it, as cobra's persistent
// flags, unless the subcommand uses the name or letter), its help, its subcommands' flags.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parse';

const command = (line: string) => {
  const parsed = parseCommandLine(line.split(' ').filter(Boolean));
  if (parsed.kind !== 'command') throw new Error(`${parsed.kind}: ${'message' in parsed ? parsed.message : ''}`);
  return parsed;
};

describe('docker compose command line', () => {
  it('takes -f, -p and --project-directory before the subcommand', () => {
    const p = command('compose -f app.yaml -p demo --project-directory /srv up -d web');
    expect(p.command.path).toEqual(['compose', 'up']);
    expect(p.flags).toMatchObject({ file: ['app.yaml'], 'project-name': 'demo', 'project-directory': '/srv', detach: true });
    expect(p.args).toEqual(['web']);
    expect(p.changed).toEqual(expect.arrayContaining(['file', 'project-name', 'project-directory', 'detach']));
  });

  it('takes them after the subcommand too, unless the subcommand uses the letter (logs -f is --follow)', () => {
    expect(command('compose up -d -p demo').flags['project-name']).toBe('demo');
    const logs = command('compose -f a.yaml logs -f --file b.yaml');
    expect(logs.flags.follow).toBe(true);
    expect(logs.flags.file).toEqual(['a.yaml', 'b.yaml']);
    expect(command('compose ps').changed).toEqual([]);
  });

  it('compose exec stops at the service: the rest is the command', () => {
    const p = command('compose exec -T web ping -c1 store');
    expect(p.flags['no-TTY']).toBe(true);
    expect(p.args).toEqual(['web', 'ping', '-c1', 'store']);
  });

  it('prints its help with its options, and refuses what it does not know', () => {
    const help = parseCommandLine(['compose', '--help']);
    expect(help.kind).toBe('help');
    if (help.kind === 'help') {
      expect(help.text).toContain('Usage:  docker compose [OPTIONS] COMMAND');
      expect(help.text).toMatch(/-p, --project-name string +Project name/);
      expect(help.text).toMatch(/\n {2}up +Create and start containers\n/);
    }
    const bad = parseCommandLine(['compose', '--bogus', 'up']);
    expect(bad.kind === 'error' && bad.message).toMatch(/^unknown flag: --bogus/);
    const missing = parseCommandLine(['compose', 'exec', 'web']);
    expect(missing.kind === 'error' && missing.message).toMatch(/"docker compose exec" requires at least 2 arguments/);
  });
});
