// The course in Chromium: a lesson's steps run, checked, remembered across a reload, shown
// in Korean, reset to their checkpoint; and a kernel panic offered a reset without a reload.
// Needs `npm run build` first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt, terminalText, typeCommand, waitForTerminalLine } from '../../scripts/lib/app-page';
import { loadCourse } from '../../src/lib/lessons/catalog';
import { guestExec, useBuiltApp } from './built-app';

const lesson = loadCourse().lessons.find((l) => l.id === 'container-is-a-process')!;

const app = useBuiltApp();

async function newPage(): Promise<Page> {
  const context = await app.browser().newContext({ viewport: { width: 1100, height: 700 }, locale: 'en-US' });
  return context.newPage();
}

const exec = guestExec;

const lessonState = (page: Page) => page.getByTestId('lesson').getAttribute('data-state');
/** the lesson runner is waiting for the student (not saving, typing, checking or resetting) */
const settled = (page: Page) => expect.poll(() => lessonState(page), { timeout: 30_000 }).toMatch(/^(step|passed|failed)$/);

describe('a lesson, step by step', () => {
  let page: Page;
  beforeAll(async () => { page = await newPage(); page.on('console', (m) => { if (m.text().includes('[dockhand]')) console.log(new Date().toISOString().slice(17, 23), m.text()); }); });

  it('opens "A container is a process" from the course; Run types step 1 into the terminal and Check turns it green', async () => {
    await openUntilPrompt(page, app.url());
    const course = page.getByTestId('course');
    await expect.poll(() => course.innerText()).toContain(lesson.languages.en.title);
    await expect.poll(() => course.innerText()).toContain(`0/${lesson.languages.en.steps.length} steps`);
    await course.getByRole('button', { name: new RegExp(lesson.languages.en.title) }).click();
    await expect.poll(() => page.getByTestId('step-title').innerText()).toBe(lesson.languages.en.steps[0].title);
    await settled(page);

    await page.getByRole('button', { name: /Run/ }).first().click();
    // typed visibly, as a student would have typed it
    await waitForTerminalLine(page, `root@dockhand:~# ${lesson.languages.en.steps[0].commands[0].text}`);
    await expect.poll(() => exec(page, 'docker ps').then((r) => r.stdout), { timeout: 30_000 }).toMatch(/\bbox\b/);
    await settled(page);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.getByTestId('step').getAttribute('data-status'), { timeout: 30_000 }).toBe('passed');
    await expect.poll(() => page.getByTestId('check-result').innerText()).toMatch(/Passed/);
  }, 120_000);

  it('comes back to the same lesson and step after a reload, with the passed step still green', async () => {
    await openUntilPrompt(page, page.url());
    await expect.poll(() => page.getByTestId('lesson').getAttribute('data-lesson')).toBe(lesson.id);
    await expect.poll(() => page.getByTestId('step-title').innerText()).toBe(lesson.languages.en.steps[0].title);
    await expect.poll(() => page.getByTestId('step').getAttribute('data-status')).toBe('passed');
  }, 120_000);

  it('switches the lesson and the page to Korean at any time, and back', async () => {
    await settled(page);
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('step-title').innerText()).toBe(lesson.languages.ko.steps[0].title);
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('dockhand.lang')])).toEqual(['ko', 'ko']);
    await expect.poll(() => page.getByRole('button', { name: '확인', exact: true }).count()).toBe(1);
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('step-title').innerText()).toBe(lesson.languages.en.steps[0].title);
  }, 60_000);

  it('"Reset this step" on a later step puts the machine back as the step found it', async () => {
    await settled(page);
    await page.getByRole('button', { name: /Next/ }).click();
    await expect.poll(() => page.getByTestId('step-title').innerText()).toBe(lesson.languages.en.steps[1].title);
    await settled(page); // the step's checkpoint is saved
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      // made after the checkpoint: a file, and a container started from the student's terminal
      expect((await exec(page, `touch /tmp/after-checkpoint && docker run -d --name extra${round} busybox sleep 500`)).exitCode).toBe(0);
      await page.getByRole('button', { name: 'Reset this step' }).click();
      await settled(page);
      expect((await exec(page, 'test -e /tmp/after-checkpoint')).exitCode).toBe(1);
      expect((await exec(page, 'docker ps -a')).stdout).not.toMatch(/extra/);
      const shown = await page.getByTestId('reset-time').innerText();
      times.push(Number(/reset in ([\d.]+) s/.exec(shown)![1]));
    }
    console.log(`step reset times (s): ${times.join(', ')}; median ${times.sort((a, b) => a - b)[1]}`);
    // the terminal works after the reset
    await typeCommand(page, 'echo "after reset $((40+2))"');
    await waitForTerminalLine(page, 'after reset 42');
  }, 180_000);
});

describe('a crashed kernel', () => {
  it('a kernel panic shows the crashed panel, and "Reset the machine" brings back a working prompt', async () => {
    const page = await newPage();
    await openUntilPrompt(page, app.url());
    await typeCommand(page, 'echo c > /proc/sysrq-trigger');
    const panel = page.getByTestId('crashed');
    await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.getAttribute('role')).toBe('alert');
    expect(await panel.innerText()).toMatch(/The kernel stopped: every container stopped with it[\s\S]*Kernel panic - not syncing/);
    expect(await page.evaluate(() => document.documentElement.dataset.guest)).toBe('crashed');
    await panel.getByRole('button', { name: 'Reset the machine' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.guest), { timeout: 30_000 }).toBe('ready');
    expect(await panel.count()).toBe(0);
    await typeCommand(page, 'echo "alive $((6*7))"');
    await waitForTerminalLine(page, 'alive 42');
    expect((await exec(page, 'docker run --rm busybox echo container-ok')).stdout).toContain('container-ok');
    console.log(`machine reset: ${await page.getByTestId('machine-reset-time').innerText()}`);
    expect(await terminalText(page)).toContain('root@dockhand:~#');
  }, 120_000);
});
