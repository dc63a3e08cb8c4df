import { describe, expect, it } from 'vitest';
import {
  buildCommand, contextTar, DOCKERFILE, freshName, loadContext, nameProblem, saveContext, STARTER, STORAGE_KEY, validImageName,
} from './context-files';

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) } as Storage;
}

/** name → [type, mode, text] of each entry, by walking the 512-byte headers */
function entries(tar: Uint8Array) {
  const dec = new TextDecoder();
  const out: Array<[string, string, number, string]> = [];
  for (let o = 0; o + 512 <= tar.length;) {
    const h = tar.subarray(o, o + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(dec.decode(h.subarray(124, 135)), 8);
    out.push([dec.decode(h.subarray(0, h.indexOf(0))), String.fromCharCode(h[156]), parseInt(dec.decode(h.subarray(100, 107)), 8), dec.decode(tar.subarray(o + 512, o + 512 + size))]);
    o += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('the build context in the page', () => {
  it('starts with a busybox Dockerfile that copies and runs hello.sh', () => {
    expect(STARTER.image).toBe('my-image:1');
    expect(STARTER.files.map((f) => f.name)).toEqual([DOCKERFILE, 'hello.sh']);
    expect(STARTER.files[0].text).toMatch(/^FROM busybox\nCOPY hello.sh \/hello.sh\n/);
  });

  it('checks file names: plain relative paths, no clash with another file or directory', () => {
    const files = STARTER.files;
    expect(nameProblem('app.sh', files)).toBeNull();
    expect(nameProblem('www/index.html', files)).toBeNull();
    expect(nameProblem('', files)).toBe('empty');
    expect(nameProblem('../x', files)).toBe('invalid');
    expect(nameProblem('/etc/passwd', files)).toBe('invalid');
    expect(nameProblem('a b', files)).toBe('invalid');
    expect(nameProblem('hello.sh', files)).toBe('taken');
    expect(nameProblem('hello.sh', files, 'hello.sh')).toBeNull();
    expect(nameProblem('hello.sh/x', files)).toBe('taken');
    expect(freshName(files, 'hello.sh')).toBe('hello-2.sh');
  });

  it('accepts image names docker accepts, and nothing a shell would read twice', () => {
    for (const ok of ['my-image:1', 'hello', 'a/b:v1.2-rc', 'web__x:latest']) expect(validImageName(ok)).toBe(true);
    for (const bad of ['', 'My-Image', 'x;rm -rf /', 'a b', 'x:', ':1', 'x:$(id)', '-x']) expect(validImageName(bad)).toBe(false);
    expect(buildCommand('my-image:1')).toBe('docker build -t my-image:1 - < /mnt/host/build-context.tar');
  });

  it('makes a tar with parent directories, executable scripts and the texts', () => {
    const tar = contextTar([...STARTER.files, { name: 'www/index.html', text: '<h1>hi</h1>' }], 100);
    expect(entries(tar)).toEqual([
      ['www/', '5', 0o755, ''],
      [DOCKERFILE, '0', 0o644, STARTER.files[0].text],
      ['hello.sh', '0', 0o755, STARTER.files[1].text],
      ['www/index.html', '0', 0o644, '<h1>hi</h1>'],
    ]);
  });

  it('saves and loads, keeping the Dockerfile first; bad data gives the starter', () => {
    const s = memory();
    expect(loadContext(s)).toEqual(STARTER);
    saveContext(s, { image: 'x:2', files: [{ name: 'a.txt', text: 'A' }, { name: DOCKERFILE, text: 'FROM scratch' }] });
    expect(loadContext(s)).toEqual({ image: 'x:2', files: [{ name: DOCKERFILE, text: 'FROM scratch' }, { name: 'a.txt', text: 'A' }] });
    s.setItem(STORAGE_KEY, '{not json');
    expect(loadContext(s)).toEqual(STARTER);
    expect(loadContext(null)).toEqual(STARTER);
  });
});
