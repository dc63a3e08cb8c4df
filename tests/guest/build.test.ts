// docker build on the real guest: RUN in real containers, layers made from overlay upper dirs
// (whiteouts included), the build cache, multi-stage builds, contexts from stdin, and errors
// that name the Dockerfile line and leave nothing behind.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/protocol/engine';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const BUILD_TIMEOUT = 120_000;

/** Writes files into a fresh directory in the guest: `{ 'Dockerfile': '...', 'a.txt': '...' }`. */
async function context(dir: string, files: Record<string, string>): Promise<void> {
  const script = Object.entries(files).map(([name, text]) => `mkdir -p "$(dirname ${dir}/${name})" && printf '%s' '${text.replaceAll("'", "'\\''")}' > ${dir}/${name}`);
  await run(guest(), `rm -rf ${dir} && mkdir -p ${dir} && ${script.join(' && ')}`);
}

const APP = {
  'Dockerfile': [
    'FROM busybox',
    'ARG WHO=world',
    'ENV GREETING=hi',
    'WORKDIR /app',
    'COPY greeting.txt .',
    'RUN echo "$GREETING $WHO" > built.txt && rm /bin/vi',
    'CMD ["cat", "/app/built.txt"]',
    '',
  ].join('\n'),
  'greeting.txt': 'hello from a file\n',
  'secret.txt': 'not for the image\n',
  '.dockerignore': 'secret.txt\n',
};

describe('docker build', () => {
  it('builds an image step by step: one layer per filesystem step, config-only steps without one', async () => {
    await context('/tmp/app', APP);
    const out = await run(guest(), 'cd /tmp/app && docker build -t hello:1 .', BUILD_TIMEOUT);
    expect(out).toMatch(/^Step 1\/7 : FROM busybox\n ---> [0-9a-f]{12}\nStep 2\/7 : ARG WHO=world\n ---> \(config only: no new layer\)\n/);
    expect(out).toContain('Step 6/7 : RUN echo "$GREETING $WHO" > built.txt && rm /bin/vi\n ---> Ran in ');
    expect(out).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged hello:1$/);
    expect(await run(guest(), 'docker run --rm hello:1')).toBe('hi world');
    // history: the image's own 6 rows on top of busybox's, layers only for WORKDIR, COPY and RUN
    const history = (await run(guest(), "docker history --no-trunc --format '{{.CreatedBy}}' hello:1")).split('\n');
    expect(history.slice(0, 6)).toEqual([
      'CMD ["cat" "/app/built.txt"]', 'RUN |1 WHO=world /bin/sh -c echo "$GREETING $WHO" > built.txt && rm /bin/vi # buildkit',
      'COPY greeting.txt . # buildkit', 'WORKDIR /app', 'ENV GREETING=hi', 'ARG WHO=world',
    ]);
    expect(await run(guest(), "docker image inspect -f '{{len .RootFS.Layers}}' hello:1")).toBe('4');
    // the RUN layer holds the new file and a whiteout (a 0/0 character device) for the deleted one
    const runLayer = await run(guest(), "docker image inspect -f '{{index .RootFS.Layers 3}}' hello:1");
    const dir = `/var/lib/dockhand/layers/${runLayer.replace('sha256:', '')}`;
    expect(await run(guest(), `cat ${dir}/app/built.txt; stat -c '%F %t,%T' ${dir}/bin/vi`)).toBe('hi world\ncharacter special file 0,0');
    expect((await guest().exec('docker run --rm hello:1 ls /bin/vi')).exitCode).toBe(1);
    // .dockerignore kept the secret out of the context
    await run(guest(), "cd /tmp/app && printf 'FROM busybox\\nCOPY secret.txt /\\n' > Dockerfile.secret");
    const secret = await guest().exec('cd /tmp/app && docker build -f Dockerfile.secret .', { timeoutMs: BUILD_TIMEOUT });
    expect(secret.exitCode).toBe(1);
    expect(secret.stderr).toContain('Dockerfile.secret:2: COPY failed: "/secret.txt": not found');
  }, BUILD_TIMEOUT * 2);

  it('reuses cached layers up to the first changed step; --no-cache builds everything', async () => {
    const again = await run(guest(), 'cd /tmp/app && docker build -t hello:1 .', BUILD_TIMEOUT);
    expect(again.match(/Using cache/g)).toHaveLength(3);
    await run(guest(), "printf 'changed\\n' > /tmp/app/greeting.txt");
    const changed = await run(guest(), 'cd /tmp/app && docker build -t hello:2 .', BUILD_TIMEOUT);
    // WORKDIR is cached; COPY sees new content, so it and the RUN after it run again
    expect(changed.match(/Using cache/g)).toHaveLength(1);
    expect(changed).toMatch(/Step 4\/7 : WORKDIR \/app\n ---> Using cache/);
    expect(await run(guest(), 'docker run --rm hello:2 cat /app/greeting.txt')).toBe('changed');
    const fresh = await run(guest(), 'cd /tmp/app && docker build --no-cache -t hello:3 .', BUILD_TIMEOUT);
    expect(fresh).not.toContain('Using cache');
    // layers shared by images are stored once
    const layers = async (ref: string) => (await run(guest(), `docker image inspect -f '{{range .RootFS.Layers}}{{.}} {{end}}' ${ref}`)).split(' ');
    expect((await layers('hello:1'))[0]).toBe((await layers('busybox'))[0]);
    expect((await layers('hello:2'))[1]).toBe((await layers('hello:1'))[1]);
  }, BUILD_TIMEOUT * 3);

  it('multi-stage: COPY --from takes files from an earlier stage, whose other files stay behind', async () => {
    await context('/tmp/multi', {
      'Dockerfile': [
        'FROM busybox AS builder',
        'RUN mkdir /out && echo compiled > /out/app && echo junk > /junk',
        'FROM busybox',
        'COPY --from=builder /out/app /usr/local/bin/app',
        'CMD ["cat", "/usr/local/bin/app"]',
        '',
      ].join('\n'),
    });
    await run(guest(), 'cd /tmp/multi && docker build -q -t multi .', BUILD_TIMEOUT);
    expect(await run(guest(), 'docker run --rm multi')).toBe('compiled');
    expect((await guest().exec('docker run --rm multi ls /junk')).exitCode).toBe(1);
  }, BUILD_TIMEOUT);

  it('-q prints only the image ID; a context tar on stdin works, and ADD unpacks a local archive', async () => {
    await context('/tmp/adder', { 'Dockerfile': 'FROM busybox\nADD files.tar.gz /srv/\n', 'files/a.txt': 'from the archive\n' });
    await run(guest(), 'cd /tmp/adder && tar -czf files.tar.gz -C files . && rm -r files');
    const id = await run(guest(), 'cd /tmp/adder && tar -c . | docker build -q -t adder -', BUILD_TIMEOUT);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await run(guest(), 'docker image inspect -f "{{.Id}}" adder')).toBe(id);
    expect(await run(guest(), 'docker run --rm adder cat /srv/a.txt')).toBe('from the archive');
  }, BUILD_TIMEOUT);

  it('a failing RUN names its line and exit code, and leaves no image, mount, cgroup or build directory', async () => {
    await context('/tmp/bad', { 'Dockerfile': 'FROM busybox\nRUN echo before\nRUN echo oops >&2; exit 3\nRUN echo never\n' });
    const images = await run(guest(), 'docker images -q | sort');
    const r = await guest().exec('cd /tmp/bad && docker build -t bad .', { timeoutMs: BUILD_TIMEOUT });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Step 3/4 : RUN echo oops >&2; exit 3');
    expect(r.stdout).not.toContain('Step 4/4');
    expect(r.stderr).toContain('oops');
    expect(r.stderr).toContain("Dockerfile:3: The command '/bin/sh -c echo oops >&2; exit 3' returned a non-zero code: 3");
    expect(await run(guest(), 'docker images -q | sort')).toBe(images);
    expect(await run(guest(), 'grep -c /var/lib/dockhand/build /proc/mounts || true')).toBe('0');
    expect(await run(guest(), 'ls /var/lib/dockhand/build | wc -l')).toBe('0');
    expect(await run(guest(), 'find /sys/fs/cgroup/dockhand -mindepth 1 -type d | wc -l')).toBe('0');
  }, BUILD_TIMEOUT);

  it('the seed\'s Dockerfile shape: the base layer, then one layer for RUN and one for COPY', async () => {
    await context('/tmp/seed', {
      'Dockerfile': 'FROM busybox\nRUN mkdir -p /opt/tools && echo curl > /opt/tools/installed\nCOPY app.py /app.py\n',
      'app.py': 'print("hello")\n',
    });
    await run(guest(), 'cd /tmp/seed && docker build -q -t seed .', BUILD_TIMEOUT);
    const layers = (await run(guest(), "docker image inspect -f '{{range .RootFS.Layers}}{{.}} {{end}}' seed")).split(' ');
    expect(layers).toHaveLength(3);
    expect(layers[0]).toBe((await run(guest(), "docker image inspect -f '{{index .RootFS.Layers 0}}' busybox")));
    const history = await run(guest(), "docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' seed | head -2");
    expect(history).toMatch(/^COPY app\.py \/app\.py # buildkit\|15B\nRUN \/bin\/sh -c mkdir -p \/opt\/tools && echo curl > \/opt\/tools\/installed # buildkit\|5B$/);
    // a fully cached rebuild makes the very same image
    const id = await run(guest(), "docker image inspect -f '{{.Id}}' seed");
    expect(await run(guest(), 'cd /tmp/seed && docker build -q -t seed .', BUILD_TIMEOUT)).toBe(id);
  }, BUILD_TIMEOUT);

  it('docker save of a built image is a valid OCI layout: every blob matches its descriptor', async () => {
    await run(guest(), 'rm -rf /tmp/saved && mkdir /tmp/saved && docker save seed | tar -x -C /tmp/saved');
    // walk index → manifest → config and layers; check each blob's sha256 and size
    const script = `cd /tmp/saved && set -e
      check() { d=$1; s=$2; f=blobs/sha256/\${d#sha256:}; [ "$(sha256sum $f | cut -c1-64)" = "\${d#sha256:}" ]; [ "$(stat -c %s $f)" = "$s" ]; echo ok $d; }
      m=$(grep -o '"digest":"sha256:[0-9a-f]*"' index.json | head -1 | cut -d'"' -f4)
      ms=$(grep -o '"size":[0-9]*' index.json | head -1 | cut -d: -f2)
      check $m $ms
      mf=blobs/sha256/\${m#sha256:}
      grep -o '"digest":"sha256:[0-9a-f]*","size":[0-9]*' $mf | while IFS= read -r d; do
        check $(echo "$d" | cut -d'"' -f4) $(echo "$d" | cut -d: -f4)
      done`;
    const out = await run(guest(), script);
    expect(out.split('\n').filter((l) => l.startsWith('ok '))).toHaveLength(1 + 1 + 3);
  }, TEST_TIMEOUT);

  it('a malformed Dockerfile is refused with its line before anything runs', async () => {
    await context('/tmp/typo', { 'Dockerfile': 'FROM busybox\nCOPPY a b\n' });
    const r = await guest().exec('cd /tmp/typo && docker build .');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Dockerfile:2: unknown instruction: COPPY/);
    const missing = await guest().exec('cd /tmp/typo && docker build -t x --file Nope .');
    expect(missing.stderr).toContain('failed to read dockerfile: open Nope: no such file or directory');
    await context('/tmp/escape', { 'Dockerfile': 'FROM busybox\nCOPY ../etc/passwd /x\n' });
    const outside = await guest().exec('cd /tmp/escape && docker build .');
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain('Dockerfile:2: COPY failed: forbidden path outside the build context: ../etc/passwd');
  }, TEST_TIMEOUT);

  it('sends an event for each step, so the page can draw the layers growing', async () => {
    const events: EngineEvent[] = [];
    const off = guest().onEngineEvent((e) => events.push(e));
    await guest().engineState();
    try {
      await context('/tmp/ev', { 'Dockerfile': 'FROM busybox\nRUN echo one > /one\nENV A=1\n' });
      await run(guest(), 'cd /tmp/ev && docker build --no-cache -t ev .', BUILD_TIMEOUT);
      for (let i = 0; i < 30 && !events.some((e) => e.op === 'build.step' && e.status === 'built'); i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      off();
    }
    const steps = events.flatMap((e) => (e.op === 'build.step' ? [`${e.step}/${e.of} ${e.status}`] : []));
    expect(steps).toEqual(['1/3 start', '2/3 start', '2/3 layer', '3/3 start', '3/3 config', '0/0 built']);
    const layer = events.find((e) => e.op === 'build.step' && e.status === 'layer');
    expect(layer).toMatchObject({ line: 2, instruction: 'RUN echo one > /one', diffId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  }, BUILD_TIMEOUT);
});
