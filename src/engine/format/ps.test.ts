// `docker ps`: which containers, and the fields of each row.
import { describe, expect, it } from 'vitest';
import { formatList } from './output';
import { goTimeString, parsePsFilters, psRow, PS_HEADERS, PS_TABLE, selectContainers, ZERO_TIME, type PsContainer } from './ps';

const NOW = Date.parse('2026-11-29T03:00:00Z') / 1000;
const make = (name: string, created: string, state: Partial<PsContainer['State']> = {}, extra: Partial<PsContainer> = {}): PsContainer => ({
  Id: `${name.padEnd(12, '0')}${'ab'.repeat(26)}`.slice(0, 64), Name: `/${name}`, Created: created, Path: 'sh', Args: ['-c', 'echo hi > /root/a'],
  Image: 'sha256:' + '05'.repeat(32), Config: { Image: 'busybox', Labels: {} },
  State: { Status: 'exited', Running: false, ExitCode: 0, StartedAt: '2026-11-29T02:58:00Z', FinishedAt: '2026-11-29T02:59:00Z', ...state },
  ...extra,
});

const web = make('aaweb', '2026-11-29T02:50:00Z', { Status: 'running', Running: true, FinishedAt: ZERO_TIME });
const done = make('bbdone', '2026-11-29T02:55:00Z', { ExitCode: 3 });
const fresh = make('ccfresh', '2026-11-29T02:57:00Z', { Status: 'created', StartedAt: ZERO_TIME, FinishedAt: ZERO_TIME });
const ALL = [web, done, fresh];
const select = (sel: Partial<Parameters<typeof selectContainers>[1]>, filters: string[] = []) => {
  const parsed = parsePsFilters(filters);
  if (!parsed.ok) throw new Error(parsed.error);
  return selectContainers(ALL, { all: false, last: -1, latest: false, filters: parsed.filters, ...sel }).map((c) => c.Name);
};

describe('selectContainers', () => {
  it('lists running containers only, unless -a; newest first', () => {
    expect(select({})).toEqual(['/aaweb']);
    expect(select({ all: true })).toEqual(['/ccfresh', '/bbdone', '/aaweb']);
  });
  it('-n and -l include every state', () => {
    expect(select({ last: 2 })).toEqual(['/ccfresh', '/bbdone']);
    expect(select({ latest: true })).toEqual(['/ccfresh']);
  });
  it('filters by status (which includes stopped ones), name, id, exited', () => {
    expect(select({}, ['status=exited'])).toEqual(['/bbdone']);
    expect(select({}, ['status=exited', 'status=created'])).toEqual(['/ccfresh', '/bbdone']);
    expect(select({ all: true }, ['name=done'])).toEqual(['/bbdone']);
    expect(select({ all: true }, ['name=^a'])).toEqual(['/aaweb']);
    expect(select({ all: true }, ['id=ccfr'])).toEqual(['/ccfresh']);
    expect(select({ all: true }, ['exited=3'])).toEqual(['/bbdone']);
    expect(select({ all: true }, ['name=done', 'status=running'])).toEqual([]);
  });
  it('refuses unknown filters as Docker does', () => {
    expect(parsePsFilters(['bogus=1'])).toMatchObject({ ok: false, exitCode: 1, error: "Error response from daemon: invalid filter 'bogus'" });
    expect(parsePsFilters(['status=sleeping'])).toMatchObject({ ok: false, error: "Error response from daemon: invalid filter 'status=sleeping'" });
    expect(parsePsFilters(['oops'])).toMatchObject({ ok: false, exitCode: 125 });
  });
});

describe('psRow', () => {
  it('renders Docker\'s columns', () => {
    const row = psRow(done, NOW, true);
    expect(row).toMatchObject({
      ID: 'bbdone000000', Image: 'busybox', Command: '"sh -c \'echo hi > /r…"', RunningFor: '5 minutes ago',
      Status: 'Exited (3) About a minute ago', Names: 'bbdone', State: 'exited', CreatedAt: '2026-11-29 02:55:00 +0000 UTC',
    });
    expect(psRow(web, NOW, true).Status).toBe('Up 2 minutes');
    expect(psRow(fresh, NOW, true).Status).toBe('Created');
    expect(psRow(done, NOW, false).Command).toBe('"sh -c \'echo hi > /root/a\'"');
    expect(psRow(done, NOW, false).ID).toHaveLength(64);
  });
  it('shows an image given by ID as a short ID', () => {
    expect(psRow(make('dd', '2026-11-29T02:55:00Z', {}, { Config: { Image: '05'.repeat(32), Labels: {} } }), NOW, true).Image).toBe('050505050505');
  });
  it('lays out the default table', () => {
    const result = formatList('', [psRow(done, NOW, true)], { headers: PS_HEADERS, defaultTable: PS_TABLE, rootType: '*formatter.ContainerContext' });
    expect(result).toEqual({
      ok: true,
      output: 'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                          PORTS     NAMES\n'
        + 'bbdone000000   busybox   "sh -c \'echo hi > /r…"   5 minutes ago   Exited (3) About a minute ago             bbdone\n',
    });
  });
  it('-s shows the writable layer and the virtual size', () => {
    expect(psRow(done, NOW, true, { rw: 3, rootFs: 2116858 }).Size).toBe('3B (virtual 2.12MB)');
  });
  it('goTimeString', () => {
    expect(goTimeString(0)).toBe('1970-01-01 00:00:00 +0000 UTC');
  });
});
