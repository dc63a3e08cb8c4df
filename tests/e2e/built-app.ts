// Shared by the end-to-end tests: the built app served by `vite preview` and one Chromium for
// the calling file, and a way to ask the guest something without typing into the terminal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, serveBuiltApp } from '../../scripts/lib/browser';

export function useBuiltApp(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveBuiltApp();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => browser ?? (() => { throw new Error('Chromium did not start'); })(),
    url: () => server?.url ?? (() => { throw new Error('the app is not served'); })(),
  };
}

/** Runs a command in the VM over the control channel (not in the student's terminal). */
export function guestExec(page: Page, cmd: string): Promise<{ exitCode: number; stdout: string }> {
  return page.evaluate(async (c) => {
    const session = (window as unknown as { dockhand: { session: { exec(cmd: string): Promise<{ exitCode: number; stdout: string }> } } }).dockhand.session;
    const r = await session.exec(c);
    return { exitCode: r.exitCode, stdout: r.stdout };
  }, cmd);
}
