import { describe, expect, it } from 'vitest';
import { cleanAbsolute, collectMounts, parseMountFlag, parseTmpfsFlag, parseVolumeFlag } from './mount-specs';

describe('-v', () => {
  it.each([
    ['notes:/data', { type: 'volume', name: 'notes', target: '/data', readonly: false, nocopy: false }],
    ['notes:/data:ro', { type: 'volume', name: 'notes', target: '/data', readonly: true, nocopy: false }],
    ['notes:/data/:nocopy', { type: 'volume', name: 'notes', target: '/data', readonly: false, nocopy: true }],
    ['/data', { type: 'volume', name: null, target: '/data', readonly: false, nocopy: false }],
    ['/srv/site:/usr/share/html:ro', { type: 'bind', source: '/srv/site', target: '/usr/share/html', readonly: true, create: true }],
    ['./site:/www', { type: 'bind', source: '/home/me/site', target: '/www', readonly: false, create: true }],
    ['../x/./y:/www', { type: 'bind', source: '/home/x/y', target: '/www', readonly: false, create: true }],
  ])('%s', (raw, want) => {
    expect(parseVolumeFlag(raw, '/home/me')).toEqual({ ok: true, value: want });
  });

  it.each([
    ['notes:data', 'mount path must be absolute'],
    ['no$good:/data', 'includes invalid characters for a local volume name'],
    ['notes:/data:rx', 'invalid mode: rx'],
    ['a:b:c:d', 'empty section'],
    ['notes::ro', 'empty section'],
    ['notes:/', "destination can't be '/'"],
  ])('%s is refused: %s', (raw, message) => {
    const r = parseVolumeFlag(raw, '/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('--mount', () => {
  it('reads each type, with Docker\'s key spellings', () => {
    expect(parseMountFlag('type=volume,src=notes,dst=/data,readonly', '/')).toEqual({ ok: true, value: { type: 'volume', name: 'notes', target: '/data', readonly: true, nocopy: false } });
    expect(parseMountFlag('source=notes,target=/data', '/')).toMatchObject({ ok: true, value: { type: 'volume', name: 'notes' } });
    expect(parseMountFlag('type=bind,source=/etc,target=/hostetc,ro=true', '/')).toEqual({ ok: true, value: { type: 'bind', source: '/etc', target: '/hostetc', readonly: true, create: false } });
    expect(parseMountFlag('type=tmpfs,target=/cache,tmpfs-size=1m,tmpfs-mode=1770', '/')).toEqual({ ok: true, value: { type: 'tmpfs', target: '/cache', options: 'size=1m,mode=1770' } });
  });

  it.each([
    ['type=bind,target=/x', 'field Source must not be empty'],
    ['type=nfs,target=/x', 'invalid mount type: nfs'],
    ['type=volume,target=/x,color=red', "unexpected key 'color'"],
    ['type=volume,target=/x,readonly=maybe', 'invalid value for readonly'],
    ['type=tmpfs,source=a,target=/x', 'Source must not be specified'],
    ['type=volume,source=a', 'field Target must not be empty'],
  ])('%s is refused: %s', (raw, message) => {
    const r = parseMountFlag(raw, '/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('--tmpfs and the image\'s VOLUMEs', () => {
  it('reads --tmpfs', () => {
    expect(parseTmpfsFlag('/run:size=64k')).toEqual({ ok: true, value: { type: 'tmpfs', target: '/run', options: 'size=64k' } });
    expect(parseTmpfsFlag('run').ok).toBe(false);
  });

  it('adds anonymous volumes for VOLUMEs nothing else covers, and refuses two mounts at one place', () => {
    const r = collectMounts({ volumes: ['notes:/data'], mounts: [], tmpfs: ['/tmp'] }, ['/data', '/var/log/'], '/');
    expect(r).toEqual({
      ok: true,
      value: [
        { type: 'volume', name: 'notes', target: '/data', readonly: false, nocopy: false },
        { type: 'tmpfs', target: '/tmp', options: '' },
        { type: 'volume', name: null, target: '/var/log', readonly: false, nocopy: false },
      ],
    });
    expect(collectMounts({ volumes: ['aa:/x', 'bb:/x/'], mounts: [], tmpfs: [] }, [], '/')).toEqual({ ok: false, error: 'Duplicate mount point: /x' });
    expect(cleanAbsolute('/a/./b/../c/')).toBe('/a/c');
  });
});
