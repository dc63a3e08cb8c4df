// Writes public/vm/manifest.json: every guest artifact with its size, sha256 and the
// Debian package it came from, plus one hash over the recipe files that made them.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const images = new URL('.', import.meta.url).pathname;
const repo = join(images, '..');
const outDir = join(repo, 'public/vm');
const work = process.env.DOCKHAND_IMAGES_WORK ?? '/var/tmp/dockhand-images';
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const line = (file) => readFileSync(join(work, file), 'utf8').trim();

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
// The recipe: what makes public/vm (images/ but the container images, which have their own
// manifest in public/images), plus the engine's C code that is built into qjs.
const recipe = createHash('sha256');
const recipeFiles = [...walk(images).filter((f) => !relative(images, f).startsWith('containers/')), ...walk(join(repo, 'src/engine/native'))]
  .filter((f) => !f.endsWith('.md')); // documentation is not part of the recipe
for (const f of recipeFiles) {
  recipe.update(relative(repo, f) + '\0').update(readFileSync(f));
}

const userland = line('userland/sources.txt').split('\n').map((l) => l.split(' '));
const from = (name) => userland.find(([n]) => n === name).slice(1).join(' ');
const sources = {
  'bzImage': line('kernel.source'),
  'initramfs.img': `${from('busybox')}; ${from('qjs')}; ${from('dockhand')}`,
  'seabios.bin': line('seabios.source'),
  'vgabios.bin': line('seabios.source'),
  // DockOS, the second VM's OS: our own multiboot program (images/tinyos), not a Debian package
  'tinyos.bin': line('tinyos.source'),
  // nftables for port publishing and isolation: fetched after the first shell, not at boot
  'nft.tgz': line('nft.source'),
  // the VM page's Linux VM: another kernel (6.1) than the host's, its busybox initramfs built in
  'linux-vm/bzImage': line('vm-kernel.source'),
};
const files = Object.entries(sources).map(([file, source]) => {
  const buf = readFileSync(join(outDir, file));
  return { file, size: buf.length, sha256: sha256(buf), source };
});
const manifest = { format: 1, recipeSha256: recipe.digest('hex'), files };
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`[images] manifest: ${files.length} files, recipe ${manifest.recipeSha256.slice(0, 12)}`);
