// Called by build.sh with its work directory: turns the layers it made into an OCI image
// layout (image-spec v1.1), packs that as public/images/base-images.oci.tar and writes
// public/images/manifest.json. Every JSON blob is written compactly with a fixed key
// order, so the same layers always give the same digests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const work = process.argv[2];
if (!work) throw new Error('usage: node oci.mjs WORKDIR');
const outDir = join(here, '../../public/images');
const layout = join(work, 'oci');
const TAR = 'base-images.oci.tar';
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// ---- packages (from build.sh: "name:arch version epoch") ----
const sources = readFileSync(join(work, 'sources.txt'), 'utf8').trim().split('\n').map((l) => {
  const [pkg, version, epoch] = l.split(' ');
  return { pkg, version, epoch: Number(epoch) };
});
const pkg = (name) => {
  const s = sources.find((p) => p.pkg === name);
  if (!s) throw new Error(`no package ${name} in sources.txt`);
  return s;
};
/** 1:5.4.7-1+b2 → 5.4.7 */
const upstream = (version) => version.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
const iso = (epoch) => new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');

// ---- layers ----
// Each layer's date is that of the newest package it came from (the page of `www` is
// served by busybox, so it takes busybox's).
const LAYER_PACKAGES = {
  busybox: ['busybox-static:i386'],
  www: ['busybox-static:i386'],
  glibc: ['libc6:i386'],
  'lua5.1': ['lua5.1:i386', 'libreadline8t64:i386', 'libtinfo6:i386', 'ncurses-base'],
  'lua5.4': ['lua5.4:i386', 'libreadline8t64:i386', 'libtinfo6:i386', 'ncurses-base'],
};

rmSync(layout, { recursive: true, force: true });
mkdirSync(join(layout, 'blobs/sha256'), { recursive: true });
function putBlob(buf) {
  const hex = sha256(buf);
  writeFileSync(join(layout, 'blobs/sha256', hex), buf);
  return { digest: `sha256:${hex}`, size: buf.length };
}

const layers = {};
for (const [name, pkgs] of Object.entries(LAYER_PACKAGES)) {
  const blob = putBlob(readFileSync(join(work, 'layers', `${name}.tar.gz`)));
  layers[name] = {
    ...blob,
    diffId: `sha256:${sha256(readFileSync(join(work, 'layers', `${name}.tar`)))}`,
    createdBy: readFileSync(join(work, 'layers', `${name}.created-by`), 'utf8').trim(),
    epoch: Math.max(...pkgs.map((p) => pkg(p).epoch)),
  };
}

// ---- images ----
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const HTTPD = ['httpd', '-f', '-v', '-p', '80', '-h', '/var/www'];
const luaVersion = (v) => upstream(pkg(`lua${v}:i386`).version);
// `steps` are Dockerfile-like: a layer name, or a config-only step.
const IMAGES = [
  {
    ref: 'busybox:latest',
    steps: ['busybox', `ENV ${PATH}`, 'CMD ["sh"]'],
    config: { Env: [PATH], Cmd: ['sh'], Labels: { 'org.opencontainers.image.description': 'BusyBox: a shell and ~270 small Unix tools in one static binary' } },
  },
  {
    ref: 'httpd-demo:latest',
    from: 'busybox:latest',
    steps: ['www', 'EXPOSE 80/tcp', `CMD ${JSON.stringify(HTTPD)}`],
    config: {
      ExposedPorts: { '80/tcp': {} }, Env: [PATH], Cmd: HTTPD,
      Labels: { 'org.opencontainers.image.description': 'A web page served by busybox httpd on port 80' },
    },
  },
  ...['5.1', '5.4'].map((v) => ({
    ref: `lua:${v}`,
    from: 'busybox:latest',
    steps: ['glibc', `lua${v}`, `LABEL org.opencontainers.image.version=${luaVersion(v)}`, 'CMD ["lua"]'],
    config: {
      Env: [PATH], Cmd: ['lua'],
      Labels: {
        'org.opencontainers.image.description': `The Lua ${v} interpreter (Debian's lua${v}) on glibc`,
        'org.opencontainers.image.version': luaVersion(v),
      },
    },
  })),
];

const byRef = {};
const index = [];
const summary = [];
for (const image of IMAGES) {
  const base = image.from ? byRef[image.from] : { layers: [], history: [] };
  const imgLayers = [...base.layers];
  const history = [...base.history];
  // a step is dated by the newest package it or an earlier step used
  let when = Math.max(0, ...imgLayers.map((l) => l.epoch));
  for (const step of image.steps) {
    const layer = layers[step];
    if (layer) {
      imgLayers.push(layer);
      when = Math.max(when, layer.epoch);
      history.push({ created: iso(when), created_by: layer.createdBy });
    } else {
      history.push({ created: iso(when), created_by: step, empty_layer: true });
    }
  }
  const config = {
    created: iso(when),
    architecture: '386',
    os: 'linux',
    config: image.config,
    rootfs: { type: 'layers', diff_ids: imgLayers.map((l) => l.diffId) },
    history,
  };
  const configBlob = putBlob(Buffer.from(JSON.stringify(config)));
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
    layers: imgLayers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: l.digest, size: l.size })),
  };
  const manifestBlob = putBlob(Buffer.from(JSON.stringify(manifest)));
  byRef[image.ref] = { layers: imgLayers, history };
  index.push({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    ...manifestBlob,
    platform: { architecture: '386', os: 'linux' },
    annotations: { 'org.opencontainers.image.ref.name': image.ref, 'io.dockhand.ref': image.ref },
  });
  summary.push({
    ref: image.ref,
    manifestDigest: manifestBlob.digest,
    layers: imgLayers.map((l) => ({ digest: l.digest, size: l.size, diffId: l.diffId, createdBy: l.createdBy })),
  });
}
writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }) + '\n');
writeFileSync(join(layout, 'index.json'), JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: index,
}, null, 2) + '\n');

// ---- the tar: oci-layout, index.json, then the blobs in name order; like the layers,
// ustar with mtime 0 and root as owner ----
mkdirSync(outDir, { recursive: true });
const blobs = readdirSync(join(layout, 'blobs/sha256')).sort();
const entries = ['oci-layout', 'index.json', 'blobs', 'blobs/sha256', ...blobs.map((b) => `blobs/sha256/${b}`)];
const tar = spawnSync('tar', [
  '-C', layout, '-c', '-f', join(outDir, TAR), '--format=ustar', '--no-recursion', '-T', '-',
  '--numeric-owner', '--owner=0', '--group=0', '--mtime=@0', '--mode=u+rw,go+r,go-w',
], { input: entries.join('\n') + '\n', stdio: ['pipe', 'inherit', 'inherit'] });
if (tar.status !== 0) throw new Error('tar failed');

// ---- public/images/manifest.json ----
function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const recipe = createHash('sha256');
for (const f of walk(here)) recipe.update(relative(here, f) + '\0').update(readFileSync(f));
const tarBuf = readFileSync(join(outDir, TAR));
const out = {
  format: 1,
  recipeSha256: recipe.digest('hex'),
  files: [{
    file: TAR,
    size: tarBuf.length,
    sha256: sha256(tarBuf),
    source: sources.map((s) => `${s.pkg} ${s.version}`).join('; '),
  }],
  images: summary,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(out, null, 2) + '\n');
for (const [name, l] of Object.entries(layers)) console.error(`[images] ${name}: ${l.size} bytes, ${l.digest.slice(7, 19)}`);
console.error(`[images] ${TAR}: ${tarBuf.length} bytes, ${blobs.length} blobs, ${summary.length} images`);
