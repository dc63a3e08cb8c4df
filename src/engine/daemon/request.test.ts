// The daemon's reading of the C client's request: complete, incomplete, UTF-8, bad input.
import { describe, expect, it } from 'vitest';
import { parseCliRequest } from './request';

const encode = (parts: string[]) => Buffer.from(parts.map((p) => p + '\0').join(''), 'utf8').toString('latin1');

describe('parseCliRequest', () => {
  it('reads cwd, tty flags, size and argv (empty arguments included)', () => {
    const req = parseCliRequest(encode(['dockhand-cli/1', '/root', '101', '120 40', '4', 'docker', 'run', '', '안녕']));
    expect(req).toEqual({ cwd: '/root', tty: [true, false, true], cols: 120, rows: 40, argv: ['docker', 'run', '', '안녕'] });
  });

  it('waits for the rest of a request that arrived in pieces', () => {
    const full = encode(['dockhand-cli/1', '/', '000', '0 0', '2', 'docker', 'version']);
    expect(parseCliRequest(full.slice(0, full.length - 3))).toBeNull();
    expect(parseCliRequest(full)?.argv).toEqual(['docker', 'version']);
  });

  it('falls back to 80x24 when the client has no terminal size', () => {
    expect(parseCliRequest(encode(['dockhand-cli/1', '/', '000', '0 0', '1', 'docker']))).toMatchObject({ cols: 80, rows: 24 });
  });

  it.each([
    [['other/9', '/', '000', '0 0', '1', 'docker'], /unknown client protocol/],
    [['dockhand-cli/1', '/', '000', '0 0', 'x', 'docker'], /bad argument count/],
    [['dockhand-cli/1', '/', '000', '0 0', '0', 'docker'], /bad argument count/],
  ])('refuses %j', (parts, error) => {
    expect(() => parseCliRequest(encode(parts))).toThrow(error);
  });
});
