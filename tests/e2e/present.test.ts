// Instructor demo mode in Chromium with two pages of one browser (BroadcastChannel links
// them): the presenter plays a step and moves on, an audience window opened late shows the
// same step and the same terminal output; jumping back restores the step's checkpoint (a
// file made later is gone); a saved state exports as a file, and a damaged copy or one of
// another format version is refused on import. Needs `npm run build` first.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt, PROMPT, terminalText } from '../../scripts/lib/app-page';
import { MACHINE_FINGERPRINT } from '../../src/lib/guest/machine-config';
import { loadCourse } from '../../src/lib/lessons/catalog';
import { decodeStateFile, encodeStateFile } from '../../src/lib/present/state-file';
import { guestExec, useBuiltApp } from './built-app';

// "A container is a process": step 1 starts a container, so its output is easy to recognise
const lesson = loadCourse().lessons.find((l) => l.id === 'container-is-a-process')!;
const steps = lesson.languages.en.steps;
const command = steps[0].commands.find((c) => c.runnable)!.text;

const app = useBuiltApp();

describe('instructor demo mode', () => {
  let context: BrowserContext;
  let presenter: Page;
  let audience: Page;
  let dir: string;
  const phase = () => presenter.getByTestId('presenter').getAttribute('data-state');
  const settled = () => expect.poll(phase, { timeout: 60_000 }).toBe('ready');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dockhand-present-'));
    context = await app.browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    presenter = await context.newPage();
    presenter.on('console', (m) => { if (m.text().includes('[dockhand]')) console.log('presenter:', m.text()); });
  });
  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('plays a step in the presenter; an audience window opened late shows the same step and the command with its output', async () => {
    await openUntilPrompt(presenter, app.url(), '#/present');
    await presenter.getByTestId(`present-lesson-${lesson.id}`).click();
    await settled();
    await expect.poll(() => presenter.getByTestId('present-step-title').innerText()).toBe(steps[0].title);

    audience = await context.newPage();
    await audience.goto(`${app.url()}#/present/audience`);
    await expect.poll(() => audience.getByTestId('audience-step-title').innerText(), { timeout: 10_000 }).toBe(steps[0].title);
    // no machine of its own: its emulator never leaves idle, and no session is exposed
    expect(await audience.evaluate(() => [document.documentElement.dataset.guest, 'dockhand' in window])).toEqual(['idle', false]);

    await presenter.getByTestId('present-play').click();
    await expect.poll(phase).toBe('playing');
    await settled(); // typed, run, and the prompt is back
    // the container's id, as docker printed it in the guest's terminal…
    const id = (await guestExec(presenter, 'docker ps -q --no-trunc')).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    // …and in the audience's copy of it, below the command typed at the prompt
    await expect.poll(() => terminalText(audience), { timeout: 20_000 }).toContain(id);
    const shown = await terminalText(audience);
    expect(shown.indexOf(`${PROMPT}${command}`)).toBeGreaterThan(-1);
    expect(shown.indexOf(id)).toBeGreaterThan(shown.indexOf(`${PROMPT}${command}`));
  }, 180_000);

  it('a clicker\'s PageDown (focus in the terminal) moves both windows to the next step; B on the audience window blanks it', async () => {
    await presenter.locator('[data-testid=terminal]').click();
    await presenter.keyboard.press('PageDown');
    await expect.poll(() => audience.getByTestId('audience-step-title').innerText(), { timeout: 20_000 }).toBe(steps[1].title);
    expect(await audience.getByTestId('audience').getAttribute('data-step')).toBe('1');
    await settled(); // the step's checkpoint is saved
    // B on a clicker aimed at the projector's window: the presenter blanks it, and shows it again
    await audience.keyboard.press('b');
    await expect.poll(() => audience.getByTestId('audience-blank').count()).toBe(1);
    await audience.keyboard.press('b');
    await expect.poll(() => audience.getByTestId('audience-blank').count()).toBe(0);
  }, 60_000);

  it('jumping back to step 1 restores its checkpoint: what was made later is gone', async () => {
    expect((await guestExec(presenter, 'touch /root/made-at-step-2 && ls /root')).stdout).toContain('made-at-step-2');
    await presenter.getByTestId('present-jump-input').fill('1');
    await presenter.getByTestId('present-jump').click();
    await expect.poll(() => presenter.getByTestId('presenter').getAttribute('data-step'), { timeout: 30_000 }).toBe('0');
    await settled();
    expect((await guestExec(presenter, 'ls /root')).stdout).not.toContain('made-at-step-2');
    // step 1 starts before its container: that is gone too
    expect((await guestExec(presenter, 'docker ps -aq')).stdout.trim()).toBe('');
    const ms = Number(await presenter.getByTestId('present-reset-time').getAttribute('data-ms'));
    console.log(`step reset (jump to step 1) took ${ms} ms`);
    expect(ms).toBeGreaterThan(0);
    await expect.poll(() => audience.getByTestId('audience-step-title').innerText()).toBe(steps[0].title);
  }, 90_000);

  it('exports a saved state; refuses a damaged copy and another format version; imports and puts back the good one', async () => {
    await presenter.getByTestId('state-name').fill('class demo');
    await presenter.getByTestId('state-save').click();
    const saved = presenter.locator('[data-testid=state-list] li[data-name="class demo"]');
    await expect.poll(() => saved.count(), { timeout: 60_000 }).toBe(1);
    const [download] = await Promise.all([presenter.waitForEvent('download'), saved.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('class-demo.dockhand-state');
    const good = new Uint8Array(await readFile((await download.path())!));
    const parsed = await decodeStateFile(good, MACHINE_FINGERPRINT);
    expect(parsed.header).toMatchObject({ name: 'class demo', lessonId: lesson.id, step: 0 });

    const importFile = async (name: string, bytes: Uint8Array) => {
      const path = join(dir, name);
      await writeFile(path, bytes);
      await presenter.getByTestId('state-import').setInputFiles(path);
    };
    const error = presenter.getByTestId('state-error');

    const damaged = good.slice();
    damaged[Math.floor(damaged.length / 2)] ^= 0x20;
    await importFile('damaged.dockhand-state', damaged);
    await expect.poll(() => error.getAttribute('data-problem'), { timeout: 30_000 }).toBe('damaged');
    expect(await error.innerText()).toMatch(/damaged/);

    const { name, lessonId, step, savedAt, machine } = parsed.header;
    await importFile('v2.dockhand-state', await encodeStateFile({ name, lessonId, step, savedAt, machine }, parsed.payload, 2));
    await expect.poll(() => error.getAttribute('data-problem'), { timeout: 30_000 }).toBe('version');
    expect(await error.innerText()).toMatch(/format version 2; this Dockhand reads version 1/);

    // the good file, after the stored copy is deleted: imported, then put back
    await saved.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => saved.count()).toBe(0);
    await importFile('class-demo.dockhand-state', good);
    await expect.poll(() => presenter.getByTestId('state-note').innerText(), { timeout: 30_000 }).toContain('Imported');
    expect((await guestExec(presenter, 'touch /root/after-save && ls /root')).stdout).toContain('after-save');
    await saved.getByRole('button', { name: 'Put back' }).click();
    await expect.poll(() => presenter.getByTestId('state-note').innerText(), { timeout: 30_000 }).toMatch(/put back in/);
    await settled();
    expect((await guestExec(presenter, 'ls /root')).stdout).not.toContain('after-save');
  }, 180_000);
});
