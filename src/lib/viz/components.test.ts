// The components rendered on the server from the bench fixture: they draw from the data
// they get, every focusable element has a label and a <title>, no text is under 14px.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { benchState, benchXray } from './bench-fixture';
import Build from './Build.svg.svelte';
import type { BuildRun } from './build-steps';
import { EngineStore, type EngineSource } from './engine-store.svelte';
import Layers from './Layers.svg.svelte';
import Lifecycle from './Lifecycle.svg.svelte';
import { observeSnapshot } from './lifecycle-history';
import Namespaces from './Namespaces.svg.svelte';
import Network from './Network.svg.svelte';
import PicturesPanel from './PicturesPanel.svelte';
import Volumes from './Volumes.svg.svelte';
import Xray from './Xray.svg.svelte';

const state = benchState(3);

function checkAccessible(html: string) {
  const focusable = html.match(/<g[^>]*tabindex="0"[^>]*>\s*<title>[^<]+<\/title>/g) ?? [];
  expect(focusable.length).toBe((html.match(/tabindex="0"/g) ?? []).length);
  expect(focusable.length).toBeGreaterThan(0);
  for (const size of html.matchAll(/font-size="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(14);
}

describe('picture components', () => {
  it('Namespaces shows real pids and namespace inodes', () => {
    const { body } = render(Namespaces, { props: { engine: state } });
    checkAccessible(body);
    expect(body).toContain(String(state.containers[0].ns!.pid));
    expect(body).toContain(state.containers[0].name);
  });

  it('Layers shows each image and its containers, in Korean too', () => {
    const { body } = render(Layers, { props: { engine: state, lang: 'ko' } });
    checkAccessible(body);
    expect(body).toContain('busybox:latest');
    expect(body).toContain('쓰기 가능 레이어');
  });

  it('Lifecycle shows the states and the containers', () => {
    const { body } = render(Lifecycle, { props: { history: observeSnapshot({}, state) } });
    checkAccessible(body);
    expect(body).toContain('paused');
    expect(body).toContain(state.containers[2].name);
  });

  it('Xray shows the command and its steps', () => {
    const { body } = render(Xray, { props: { xray: benchXray() } });
    checkAccessible(body);
    expect(body).toContain('pivot_root');
    expect(render(Xray, { props: { xray: null } }).body).toContain('run a docker command');
  });

  it('PicturesPanel waits for the engine, then draws the chosen picture', () => {
    const source: EngineSource = { engineState: () => new Promise(() => {}), onEngineEvent: () => () => {} };
    const store = new EngineStore(source);
    expect(render(PicturesPanel, { props: { store } }).body).toContain('waiting for the engine…');
    store.state = state;
    const { body } = render(PicturesPanel, { props: { store, picture: 'layers' } });
    expect(body).toContain('aria-selected="true"');
    expect(body).toContain('busybox:latest');
    store.dispose();
  });
  it('Build shows each step, cached and failed ones marked, and a hint before any build', () => {
    const run: BuildRun = {
      id: 'b', of: 3, status: 'failed', failedLine: 3, steps: [
        { step: 1, line: 1, instruction: 'FROM busybox', status: 'base' },
        { step: 2, line: 2, instruction: 'COPY hello.sh /hello.sh', status: 'cached', diffId: 'sha256:' + 'c'.repeat(64), size: 30 },
        { step: 3, line: 3, instruction: 'RUN exit 3', status: 'failed' },
      ],
    };
    const { body } = render(Build, { props: { build: run } });
    checkAccessible(body);
    expect(body).toContain('COPY hello.sh /hello.sh');
    expect(body).toContain('layer from the build cache');
    expect(body).toContain('the build failed at Dockerfile:3');
    expect(body).toMatch(/data-status="failed"/);
    expect(render(Build, { props: { build: null, lang: 'ko' } }).body).toContain('아직 빌드가 없어요');
  });

  it('Volumes shows each mount path, its source and rw/ro, in Korean too', () => {
    const s = benchState(6);
    const { body } = render(Volumes, { props: { engine: s } });
    checkAccessible(body);
    expect(body).toContain('data-path="/data"');
    expect(body).toContain('data-name="data"');
    expect(body).toContain('/srv/www');
    expect(body.match(/data-testid="volumes-source"[^>]*data-name="data"/g)).toHaveLength(1);
    expect(render(Volumes, { props: { engine: s, lang: 'ko' } }).body).toContain('볼륨 (컨테이너보다 오래 남음)');
    const none = { ...benchState(0), volumes: [] };
    expect(render(Volumes, { props: { engine: none } }).body).toContain('no volumes or mounts yet');
  });

  it('Network shows bridges, addresses, veths and published ports', () => {
    const s = benchState(5);
    const { body } = render(Network, { props: { engine: s } });
    checkAccessible(body);
    expect(body).toContain('docker0');
    expect(body).toContain(s.networks![0].containers[0].ip);
    expect(body).toContain(s.networks![0].containers[0].veth);
    expect(body).toMatch(/0\.0\.0\.0:8081 → 80\/tcp/);
    expect(body).toContain('data-mode="host"');
    expect(render(Network, { props: { engine: s, lang: 'ko' } }).body).toContain('VM (호스트)');
  });

  it('Layers lists fresh copy-ups and whiteouts in the container\'s writable layer', () => {
    const c = state.containers[0];
    const changes = [
      { containerId: c.id, path: '/etc/hosts.allow', kind: 'C' as const, fresh: true },
      { containerId: c.id, path: '/etc/motd', kind: 'D' as const, fresh: true },
      { containerId: c.id, path: '/old', kind: 'A' as const },
    ];
    const { body } = render(Layers, { props: { engine: state, changes } });
    checkAccessible(body);
    expect(body).toMatch(/data-kind="C" data-fresh="true" data-path="\/etc\/hosts.allow"/);
    expect(body).toMatch(/data-kind="D" data-fresh="true" data-path="\/etc\/motd"/);
    expect(body).toMatch(/data-kind="A" data-fresh="false" data-path="\/old"/);
    expect(body).toContain('copied up, new since the last command');
  });
});
