// The live pictures in Chromium, drawn from the real guest: one snapshot per command, a volume two containers mount,
// two user-defined networks with a container on both (addresses and veths compared with
// docker inspect and the bridges' ports in the VM's /sys), a copy-up, a whiteout and a new
// file in a running container's writable layer (compared with docker diff), a lookup and a ping
// by name typed in the terminal lighting up their path in the network picture. Then each new
// picture drawn from the fixed bench fixture, compared with a screenshot checked in under
// tests/e2e/screenshots/ (UPDATE_SCREENSHOTS=1 rewrites them). Needs `npm run build` first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt, typeCommand } from '../../scripts/lib/app-page';
import { serveVizPage } from '../../scripts/lib/viz-bench';
import { guestExec, useBuiltApp } from './built-app';

const app = useBuiltApp();
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
/** where the real guest's pictures are saved to look at (not compared: IDs and veth names change) */
const GUEST_SHOTS = 'test-results/pictures';

async function exec(page: Page, cmd: string): Promise<string> {
  const r = await guestExec(page, cmd);
  if (r.exitCode !== 0) throw new Error(`${cmd} exited ${r.exitCode}: ${r.stdout}`);
  return r.stdout;
}

const attrs = (page: Page, selector: string, names: string[]) => page.evaluate(([sel, keys]) =>
  Array.from(document.querySelectorAll(sel), (el) => Object.fromEntries(keys.map((k) => [k, el.getAttribute(k) ?? '']))), [selector, names] as const);

async function showPicture(page: Page, picture: string): Promise<void> {
  await page.getByTestId('view-pictures').click();
  await page.getByTestId(`picture-tab-${picture}`).click();
}

async function saveGuestShot(page: Page, name: string): Promise<void> {
  mkdirSync(GUEST_SHOTS, { recursive: true });
  await page.locator('[data-testid=pictures] figure').screenshot({ path: join(GUEST_SHOTS, `${name}.png`) });
}

describe('the pictures drawn from the real guest', () => {
  let page: Page;
  beforeAll(async () => {
    // tall, so the pictures panel under the terminal shows the whole drawing for the saved screenshots
    const context = await app.browser().newContext({ viewport: { width: 1280, height: 1500 }, locale: 'en-US', reducedMotion: 'reduce' });
    page = await context.newPage();
    await openUntilPrompt(page, app.url());
  }, 120_000);

  it('asks the engine for a snapshot when a command ends, not at each lifecycle event', async () => {
    const COMMAND = 'docker run --rm busybox true';
    type Seen = { what: string; at: number; command?: string };
    await showPicture(page, 'namespaces');
    await page.evaluate(() => {
      type Session = { engineState(): Promise<unknown>; onEngineEvent(cb: (e: { op: string; command?: string }) => void): () => void };
      const w = window as unknown as { dockhand: { session: Session }; seen: Seen[] };
      const session = w.dockhand.session;
      const original = session.engineState.bind(session);
      w.seen = [];
      session.engineState = () => { w.seen.push({ what: 'snapshot', at: performance.now() }); return original(); };
      session.onEngineEvent((e) => w.seen.push({ what: e.op, at: performance.now(), command: e.command }));
    });
    await exec(page, COMMAND);
    const read = () => page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
    // The command's own x-ray (not background work's, command ''): it may arrive after exec returns,
    // as events and replies cross on different ports.
    const commandXray = (seen: Seen[]) => seen.findIndex((s) => s.what === 'xray' && s.command === COMMAND);
    // the snapshot that x-ray asks for (on a loaded machine it waits for one already under way)
    await expect.poll(async () => {
      const now = await read();
      const xray = commandXray(now);
      return xray >= 0 && now.slice(xray).some((s) => s.what === 'snapshot');
    }, { timeout: 30_000 }).toBe(true);
    // then longer than the store's quiet spell for lifecycle events without an x-ray (1.5 s)
    await page.waitForTimeout(2500);
    const seen = await read();
    expect(seen.map((s) => s.what)).toEqual(expect.arrayContaining(['container.created', 'container.started', 'container.exited', 'container.removed']));
    expect(seen.slice(commandXray(seen)).filter((s) => s.what === 'snapshot'), JSON.stringify(seen)).toHaveLength(1);
    // Every snapshot has a cause: an x-ray since the previous snapshot (one asked for while another
    // is under way waits for it), or a quiet spell after the last lifecycle event (a slow machine).
    // Never a lifecycle event by itself.
    seen.forEach((s, i) => {
      if (s.what !== 'snapshot') return;
      const sincePrevious = seen.slice(seen.slice(0, i).map((e) => e.what).lastIndexOf('snapshot') + 1, i);
      if (sincePrevious.some((e) => e.what === 'xray')) return;
      const before = seen.slice(0, i).filter((e) => e.what !== 'snapshot').at(-1);
      if (before) expect(s.at - before.at, `snapshot after ${before.what}: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(1400);
    });
  }, 120_000);

  it('volumes: one volume mounted by two containers is drawn once, linked to both mount paths', async () => {
    await exec(page, 'docker volume create notes && docker run -d --name va -v notes:/data busybox sleep 600 && docker run -d --name vb -v notes:/srv/notes:ro busybox sleep 600');
    const mountpoint = JSON.parse(await exec(page, 'docker volume inspect notes'))[0].Mountpoint as string;
    await showPicture(page, 'volumes');
    const notes = page.locator('[data-testid=volumes-source][data-name=notes]');
    // a snapshot taken between `volume create` and the two runs shows the volume unmounted: wait for a later one
    await expect.poll(async () => (await notes.count()) === 1 && await notes.getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/mounted by (va, vb|vb, va)/);
    expect(await notes.count()).toBe(1);
    expect(await notes.getAttribute('aria-label')).toContain(mountpoint);
    const rows = await attrs(page, '[data-testid=volumes-mount][data-source="volume:notes"]', ['aria-label', 'data-readonly']);
    expect(rows.map((r) => r['aria-label']).sort()).toEqual(['va: /data (read-write) ← notes', 'vb: /srv/notes (read-only) ← notes']);
    expect(await page.locator('[data-testid=volumes-picture] path[data-link$=">volume:notes"]').count()).toBe(2);
    await saveGuestShot(page, 'volumes');
  }, 90_000);

  it('network: both bridges, the containers\' real addresses, a veth per network, host apart', async () => {
    await exec(page, 'docker network create a && docker network create b && docker run -d --name na --network a busybox sleep 600'
      + ' && docker run -d --name nb --network b busybox sleep 600 && docker network connect b na && docker run -d --name nh --network host busybox sleep 600');
    const inspected = JSON.parse(await exec(page, 'docker inspect na nb')) as { Name: string; NetworkSettings: { Networks: Record<string, { IPAddress: string }> } }[];
    const want = inspected.flatMap((c) => Object.entries(c.NetworkSettings.Networks).map(([net, e]) => `${c.Name.replace(/^\//, '')} ${net} ${e.IPAddress}`)).sort();
    expect(want).toHaveLength(3);
    await showPicture(page, 'network');
    const bridges = () => attrs(page, '[data-testid=network-bridge]', ['data-name', 'data-bridge']);
    await expect.poll(async () => (await bridges()).map((b) => b['data-name']).filter((n) => n === 'a' || n === 'b').sort(), { timeout: 20_000 }).toEqual(['a', 'b']);
    const bridgeOf = Object.fromEntries((await bridges()).map((b) => [b['data-bridge'], b['data-name']]));
    await expect.poll(async () => (await attrs(page, '[data-testid=network-veth]', ['data-container', 'data-bridge', 'data-ip']))
      .filter((v) => v['data-container'] === 'na' || v['data-container'] === 'nb')
      .map((v) => `${v['data-container']} ${bridgeOf[v['data-bridge']]} ${v['data-ip']}`).sort(), { timeout: 20_000 }).toEqual(want);
    // each bridge's veths as drawn are the ports the kernel has on it
    for (const [bridge, name] of Object.entries(bridgeOf).filter(([, n]) => n === 'a' || n === 'b')) {
      const ports = (await exec(page, `ls /sys/class/net/${bridge}/brif`)).split(/\s+/).filter(Boolean).sort();
      const drawn = (await page.locator(`[data-testid=network-veth][data-bridge="${bridge}"]`).evaluateAll((els) =>
        els.map((el) => /veth pair: (\S+)/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? ''))).sort();
      expect(drawn, `veths on ${name}`).toEqual(ports);
    }
    expect(await page.locator('[data-testid=network-apart][data-mode=host][data-name=nh]').count()).toBe(1);
    await saveGuestShot(page, 'network');
  }, 120_000);

  it("network: a ping by name typed in the terminal lights up the path: the DNS answer, both veths, the bridge", async () => {
    await showPicture(page, 'network');
    const bridgeB = await page.locator('[data-testid=network-bridge][data-name=b]').getAttribute('data-bridge');
    const ips = JSON.parse(await exec(page, 'docker inspect na nb')) as { Name: string; NetworkSettings: { Networks: Record<string, { IPAddress: string }> } }[];
    const naOnB = ips.find((c) => c.Name === '/na')!.NetworkSettings.Networks.b.IPAddress;
    // the ping's lookup asks the network's DNS server (/etc/hosts holds only the container itself)
    await typeCommand(page, 'docker exec nb ping -c1 na');
    const dns = page.locator('[data-testid=network-dns][data-container=nb][data-name=na]');
    await expect.poll(() => dns.count(), { timeout: 30_000 }).toBe(1);
    expect(await dns.getAttribute('data-answer')).toBe(naOnB);
    expect(await dns.getAttribute('aria-label')).toContain(`na → ${naOnB}`);
    const hot = await attrs(page, '[data-testid=network-veth][data-hot=true]', ['data-container', 'data-bridge']);
    expect(hot.map((v) => v['data-container']).sort()).toEqual(expect.arrayContaining(['na', 'nb']));
    const hotBridges = await attrs(page, '[data-testid=network-bridge][data-hot=true]', ['data-name']);
    expect(hotBridges.map((b) => b['data-name'])).toContain('b');
    expect(hot.filter((v) => v['data-container'] === 'na' || v['data-container'] === 'nb').every((v) => v['data-bridge'] === bridgeB)).toBe(true);
    expect(await page.locator('[data-testid=network-path]').getAttribute('data-steps')).toMatch(/^DNS answer,veth,bridge/);
    // every mark on the path is keyboard-focusable and named
    for (const el of await page.locator('[data-testid=network-dns], [data-testid=network-veth][data-hot=true], [data-testid=network-path]').all()) {
      expect(await el.getAttribute('tabindex')).toBe('0');
      expect(await el.getAttribute('aria-label')).toBeTruthy();
    }
    await saveGuestShot(page, 'network-path');
    // the next command that moves no packet clears it
    await typeCommand(page, 'docker ps');
    await expect.poll(() => page.locator('[data-testid=network-path]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('[data-testid=network-veth][data-hot=true]').count()).toBe(0);
  }, 120_000);

  it('layers: a write, a delete and a new file in a running container are marked in its writable layer', async () => {
    await showPicture(page, 'layers');
    await expect.poll(() => page.locator('[data-testid=writable][data-container=va]').count(), { timeout: 20_000 }).toBe(1);
    await exec(page, "docker exec va sh -c 'echo x >> /etc/passwd; rm /etc/group; echo hi > /root/notes.txt'");
    const diff = (await exec(page, 'docker diff va')).split('\n').filter(Boolean);
    expect(diff).toEqual(expect.arrayContaining(['C /etc/passwd', 'D /etc/group', 'A /root/notes.txt']));
    const fresh = () => attrs(page, '[data-testid=writable][data-container=va] g.change[data-fresh=true]', ['data-kind', 'data-path'])
      .then((list) => list.map((c) => `${c['data-kind']} ${c['data-path']}`).sort());
    await expect.poll(fresh, { timeout: 20_000 }).toEqual(['A /root/notes.txt', 'C /etc/passwd', 'D /etc/group']);
    // every change drawn is one docker diff reports (the picture leaves out directories copied up for their children)
    const drawn = await attrs(page, '[data-testid=writable][data-container=va] g.change', ['data-kind', 'data-path']);
    for (const c of drawn) expect(diff).toContain(`${c['data-kind']} ${c['data-path']}`);
    expect(await page.locator('[data-testid=writable][data-container=vb]').getAttribute('data-fresh')).toBe('false');
    await saveGuestShot(page, 'layers');
  }, 90_000);
});

/** Share of pixels that differ clearly (sum of channel differences > 60), decoded by the browser; 1 when the sizes differ. */
function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([x, y]) => {
    const load = async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return img;
    };
    const [i1, i2] = await Promise.all([load(x), load(y)]);
    if (i1.width !== i2.width || i1.height !== i2.height) return 1;
    const canvas = new OffscreenCanvas(i1.width, i1.height);
    const ctx = canvas.getContext('2d')!;
    const pixels = (img: HTMLImageElement) => {
      ctx.clearRect(0, 0, img.width, img.height);
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [d1, d2] = [pixels(i1), pixels(i2)];
    let differ = 0;
    for (let i = 0; i < d1.length; i += 4) {
      if (Math.abs(d1[i] - d2[i]) + Math.abs(d1[i + 1] - d2[i + 1]) + Math.abs(d1[i + 2] - d2[i + 2]) > 60) differ++;
    }
    return differ / (d1.length / 4);
  }, [a.toString('base64'), b.toString('base64')] as const);
}

describe('screenshots of the pictures, drawn from the fixed fixture', () => {
  let served: { url: string; close(): Promise<void> };
  beforeAll(async () => { served = await serveVizPage(); }, 120_000);
  afterAll(async () => { await served?.close(); });

  it.each(['namespaces', 'layers', 'volumes', 'network', 'lifecycle', 'xray', 'build'])('%s matches its screenshot (≤ 1 % of pixels differ)', async (picture) => {
    const context = await app.browser().newContext({ viewport: { width: 1000, height: 1000 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      await page.goto(`${served.url}?show=${picture}&n=6`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      const shot = await page.locator('[data-testid=pictures] .panel svg').screenshot();
      const file = join(SCREENSHOTS, `${picture}.png`);
      if (!existsSync(file) || process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        writeFileSync(file, shot);
      }
      const ratio = await pixelDiff(page, readFileSync(file), shot);
      if (ratio > 0.01) {
        mkdirSync(GUEST_SHOTS, { recursive: true });
        writeFileSync(join(GUEST_SHOTS, `${picture}-actual.png`), shot);
      }
      expect(ratio, `${picture}: share of pixels that differ (actual in ${GUEST_SHOTS})`).toBeLessThanOrEqual(0.01);
    } finally {
      await context.close();
    }
  }, 60_000);
});
