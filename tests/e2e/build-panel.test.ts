// The Dockerfile panel in Chromium: files edited in the page are built by the real engine
// (a tar on the 9p share, the command typed into the terminal), the build picture shows
// the steps, cached ones on a second build, a failing step in red; files survive a reload.
// Needs `npm run build` first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt, terminalText } from '../../scripts/lib/app-page';
import { guestExec, useBuiltApp } from './built-app';

const app = useBuiltApp();

const exec = guestExec;

const DOCKERFILE = 'FROM busybox\nCOPY hello.sh greeting.txt /\nRUN chmod +x /hello.sh\nCMD ["sh", "-c", "/hello.sh; cat /greeting.txt"]\n';
const unwrapped = async (page: Page) => (await terminalText(page)).replace(/\n/g, '');
const picture = (page: Page) => page.getByTestId('build-picture');
const stepStatuses = (page: Page) => page.evaluate(() =>
  Array.from(document.querySelectorAll('[data-testid=build-picture] g[data-step]'), (g) => g.getAttribute('data-status')));

describe('the Dockerfile panel', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await app.browser().newContext({ viewport: { width: 1100, height: 760 }, locale: 'en-US' });
    page = await context.newPage();
  });

  it('builds the files edited in the page with the real docker build, and the picture shows each step', async () => {
    await openUntilPrompt(page, app.url());
    await page.getByTestId('view-dockerfile').click();
    const editor = page.getByTestId('dockerfile-editor');
    await expect.poll(() => editor.inputValue()).toMatch(/^FROM busybox\n/);

    // a new file, then the Dockerfile copying it in
    await page.getByRole('button', { name: /New file/ }).click();
    await page.getByRole('textbox', { name: /File name/ }).fill('greeting.txt');
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'greeting.txt' }).getAttribute('aria-selected')).toBe('true');
    await editor.fill('hi from the panel\n');
    await page.getByTestId('dockerfile-panel').getByRole('tab', { name: 'Dockerfile', exact: true }).click();
    await editor.fill(DOCKERFILE);
    await page.getByTestId('image-name').fill('panel-image:1');

    await page.getByRole('button', { name: 'Build', exact: true }).click();
    // typed visibly, as a student would have typed it (rows joined: the line may wrap)
    await expect.poll(() => unwrapped(page), { timeout: 20_000 }).toContain('root@dockhand:~# docker build -t panel-image:1 - < /mnt/host/build-context.tar');
    await expect.poll(() => terminalText(page), { timeout: 90_000 }).toContain('Successfully tagged panel-image:1');
    // Build switched to the pictures, on the build picture
    await expect.poll(() => picture(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('built');
    expect(await stepStatuses(page)).toEqual(['base', 'layer', 'layer', 'config']);
    expect(await picture(page).innerText()).toMatch(/built image [0-9a-f]{12}/);

    const run = await exec(page, 'docker run --rm panel-image:1');
    expect(run.stdout).toContain('Hello from my image!');
    expect(run.stdout).toContain('hi from the panel');
  }, 180_000);

  it('a second build takes its layers from the cache, and the picture says so', async () => {
    await page.getByTestId('view-dockerfile').click();
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect.poll(() => stepStatuses(page), { timeout: 90_000 }).toEqual(['base', 'cached', 'cached', 'config']);
    await expect.poll(() => picture(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('built');
  }, 120_000);

  it('a failing RUN is drawn in red with its Dockerfile line', async () => {
    await page.getByTestId('view-dockerfile').click();
    await page.getByTestId('dockerfile-editor').fill('FROM busybox\nRUN exit 3\n');
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect.poll(() => picture(page).getAttribute('data-status'), { timeout: 90_000 }).toBe('failed');
    expect(await stepStatuses(page)).toEqual(['base', 'failed']);
    expect(await picture(page).innerText()).toContain('the build failed at Dockerfile:2');
    await expect.poll(() => unwrapped(page), { timeout: 30_000 }).toMatch(/Dockerfile:2: The command .* returned a non-zero code: 3/);
  }, 120_000);

  it('keeps the files across a reload', async () => {
    await openUntilPrompt(page, page.url());
    await page.getByTestId('view-dockerfile').click();
    await expect.poll(() => page.getByTestId('dockerfile-editor').inputValue()).toBe('FROM busybox\nRUN exit 3\n');
    await page.getByTestId('dockerfile-panel').getByRole('tab', { name: 'greeting.txt' }).click();
    await expect.poll(() => page.getByTestId('dockerfile-editor').inputValue()).toBe('hi from the panel\n');
    expect(await page.getByTestId('image-name').inputValue()).toBe('panel-image:1');
  }, 120_000);
});
