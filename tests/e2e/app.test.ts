// The app in Chromium: boot progress, a real shell in the terminal, cold boots, and a
// damaged artifact reported on the page instead of a hang. Needs `npm run build` first.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openUntilPrompt, terminalText, typeCommand, waitForTerminalLine } from '../../scripts/lib/app-page';
import { guestExec, useBuiltApp } from './built-app';

const app = useBuiltApp();
let page: Page;
beforeEach(async () => {
  const context = await app.browser().newContext({ viewport: { width: 1100, height: 700 } });
  page = await context.newPage();
  // Record every boot phase the progress bar showed, however briefly.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { phasesSeen: string[] }).phasesSeen = []);
    new MutationObserver(() => {
      const phase = document.querySelector('[role=progressbar]')?.getAttribute('data-phase');
      if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
});
const phasesSeen = () => page.evaluate(() => (window as unknown as { phasesSeen: string[] }).phasesSeen);

describe('the app in Chromium', () => {
  it('restores the saved machine, shows progress, and runs a typed command', async () => {
    await openUntilPrompt(page, app.url());
    expect(await phasesSeen()).toContain('download');
    await expect.poll(() => page.getByTestId('boot-status').innerText()).toMatch(/restored from the saved machine/);
    await typeCommand(page, 'echo hello');
    await waitForTerminalLine(page, 'hello');
    await typeCommand(page, 'uname -r');
    await waitForTerminalLine(page, '6.12.117');
  }, 120_000);

  it('runs a container from the page\'s terminal, as a student would', async () => {
    await openUntilPrompt(page, app.url());
    await typeCommand(page, 'docker run --rm busybox sh -c "echo hello from \\$(hostname)"');
    await page.waitForFunction(() => /hello from [0-9a-f]{12}/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), null, { timeout: 30_000 });
  }, 120_000);

  it('docker run -it gives an interactive shell on a pty of its own, with Ctrl-C, and exit returns to the VM', async () => {
    await openUntilPrompt(page, app.url());
    // the page tells the VM its terminal size over the control channel once the terminal is fitted
    const vmSize = async () => (await guestExec(page, 'stty -F /dev/ttyS0 size')).stdout.trim();
    await expect.poll(vmSize, { timeout: 20_000 }).toMatch(/^[1-9]\d* [1-9]\d*$/);
    const size = await vmSize();
    await typeCommand(page, 'docker run -it --rm busybox sh');
    await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('/ #'), { timeout: 30_000 }).toBe(true);
    // the container's pty has the page terminal's size
    await typeCommand(page, 'echo "$(tty) pid=$$ $(stty size)"');
    await waitForTerminalLine(page, `/dev/pts/0 pid=1 ${size}`, 60_000); // generous: a loaded CI machine runs two emulators
    // Ctrl-C goes through the container's own line discipline to its foreground job
    await typeCommand(page, 'sleep 60; echo not-interrupted');
    // wait until the shell runs sleep (asked through the control channel, not the terminal)
    await expect.poll(() => page.evaluate(async () => {
      const session = (window as unknown as { dockhand: { session: { exec(cmd: string): Promise<{ exitCode: number }> } } }).dockhand.session;
      return (await session.exec('pidof sleep')).exitCode;
    }), { timeout: 20_000 }).toBe(0);
    await page.keyboard.press('Control+C');
    await typeCommand(page, 'echo still-in-the-container');
    await waitForTerminalLine(page, 'still-in-the-container', 60_000);
    await typeCommand(page, 'exit');
    await typeCommand(page, 'echo "back with status $?"');
    await waitForTerminalLine(page, 'back with status 0', 30_000);
    // the typed line shows "echo not-interrupted"; its output line would be the bare word
    expect((await terminalText(page)).split('\n').map((l) => l.trim())).not.toContain('not-interrupted');
  }, 120_000);

  it('boots the kernel from scratch through BIOS, kernel and init', async () => {
    await openUntilPrompt(page, app.url(), '?boot=cold', 120_000);
    expect(await phasesSeen()).toEqual(expect.arrayContaining(['download', 'bios', 'kernel', 'userland']));
    expect(await terminalText(page)).toMatch(/dockhand: ready \(boot id [0-9a-f-]{36}/);
    await typeCommand(page, 'cat /proc/1/comm');
    await waitForTerminalLine(page, 'init');
  }, 150_000);

  it('refuses a damaged kernel image with a message that names it', async () => {
    await page.route('**/vm/bzImage', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[1000] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(app.url() + '?boot=cold');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toMatch(/vm\/bzImage is damaged: sha256/);
  }, 60_000);

  it('explains that a browser without WebAssembly cannot run the machine', async () => {
    await page.addInitScript(() => { delete (globalThis as { WebAssembly?: unknown }).WebAssembly; });
    await page.goto(app.url());
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/no WebAssembly/);
  }, 30_000);
});
