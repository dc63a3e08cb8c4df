// docker inspect / history objects from our records.
import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../oci/types';
import { containerInspect, historyRows, imageInspect } from './inspect';

const CONFIG: ImageConfig = {
  created: '2026-07-12T17:12:42Z', architecture: '386', os: 'linux', config: { Cmd: ['sh'] },
  rootfs: { type: 'layers', diff_ids: ['sha256:aa', 'sha256:bb'] },
  history: [
    { created: '2026-07-12T17:12:42Z', created_by: 'COPY busybox /bin' },
    { created: '2026-07-12T17:12:42Z', created_by: 'ENV\tPATH=/bin', empty_layer: true },
    { created: '2026-07-12T17:12:43Z', created_by: 'COPY lua /usr/bin/lua', comment: 'buildkit.dockerfile.v0' },
    { created: '2026-07-12T17:12:43Z', created_by: 'CMD ["sh"]', empty_layer: true },
  ],
};
const NOW = Date.parse('2026-07-12T18:12:43Z') / 1000;

describe('historyRows', () => {
  it('lists newest first, the ID on top, <missing> below, each layer with its size', () => {
    const rows = historyRows('05'.repeat(32), CONFIG, [2116855, 690], { now: NOW, truncate: true, human: true });
    expect(rows.map((r) => [r.ID, r.CreatedSince, r.CreatedBy, r.Size, r.Comment])).toEqual([
      ['050505050505', 'About an hour ago', 'CMD ["sh"]', '0B', ''],
      ['<missing>', 'About an hour ago', 'COPY lua /usr/bin/lua', '690B', 'buildkit.dockerfile.v0'],
      ['<missing>', 'About an hour ago', 'ENV PATH=/bin', '0B', ''],
      ['<missing>', 'About an hour ago', 'COPY busybox /bin', '2.12MB', ''],
    ]);
  });
  it('-H=false prints RFC 3339 times and bytes; --no-trunc the full ID', () => {
    const [top] = historyRows('05'.repeat(32), CONFIG, [1, 2], { now: NOW, truncate: false, human: false });
    expect(top).toMatchObject({ ID: `sha256:${'05'.repeat(32)}`, CreatedSince: '2026-07-12T17:12:43Z', Size: '0' });
  });
});

describe('imageInspect', () => {
  it('uses Docker\'s field names', () => {
    const image = imageInspect({ id: 'ab'.repeat(32), refs: ['busybox:latest'], config: CONFIG, size: 42, layerDirs: ['/l/aa', '/l/bb'] });
    expect(image).toMatchObject({
      Id: `sha256:${'ab'.repeat(32)}`, RepoTags: ['busybox:latest'], Architecture: '386', Os: 'linux', Size: 42,
      Created: '2026-07-12T17:12:42Z', Config: { Cmd: ['sh'] },
      RootFS: { Type: 'layers', Layers: ['sha256:aa', 'sha256:bb'] },
      GraphDriver: { Name: 'overlay2', Data: { LowerDir: '/l/aa', UpperDir: '/l/bb' } },
    });
  });
});

describe('containerInspect', () => {
  it('adds the overlay paths and Docker\'s fields', () => {
    const c = containerInspect({
      Id: 'c'.repeat(64), Name: '/web', Created: '2026-11-29T02:50:00Z', Path: 'sh', Args: [], Image: 'sha256:' + 'ab'.repeat(32),
      Config: { Hostname: 'h', Env: [], Cmd: ['sh'], Entrypoint: null, WorkingDir: '', User: '', Tty: false, OpenStdin: false, Image: 'busybox', Labels: {} },
      HostConfig: { AutoRemove: false, Memory: 0, PidsLimit: 0, NanoCpus: 0, Privileged: false, CapAdd: [], CapDrop: [], ReadonlyRootfs: false },
      State: { Status: 'exited', Running: false, Pid: 0, ExitCode: 2, StartedAt: 'x', FinishedAt: 'y' },
    }, { dir: '/c/1', lowerDirs: ['/l/bb', '/l/aa'] });
    expect(c).toMatchObject({
      Name: '/web', State: { Status: 'exited', ExitCode: 2, OOMKilled: false }, Mounts: [],
      GraphDriver: { Name: 'overlay2', Data: { LowerDir: '/l/bb:/l/aa', UpperDir: '/c/1/upper', WorkDir: '/c/1/work', MergedDir: '/c/1/merged' } },
    });
    expect(Object.keys(c).slice(0, 5)).toEqual(['Id', 'Created', 'Path', 'Args', 'State']);
  });
});
