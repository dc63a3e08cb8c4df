// Drives the app in Chromium: open it, wait for a usable shell, type into the terminal.
import type { Page } from 'playwright-core';

export const PROMPT = 'root@dockhand:~# ';

/** Opens the app (query like '?boot=cold') and resolves when the shell prompt is on screen. */
export async function openUntilPrompt(page: Page, baseUrl: string, query = '', timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  await page.goto(baseUrl + query, { waitUntil: 'commit' });
  await page.waitForFunction(
    (prompt) => {
      const state = document.documentElement.dataset.guest;
      if (state === 'failed') return true;
      const rows = document.querySelector('.xterm-rows')?.textContent ?? '';
      return state === 'ready' && rows.includes(prompt.trimEnd());
    },
    PROMPT, { timeout: timeoutMs, polling: 'raf' },
  );
  const state = await page.evaluate(() => document.documentElement.dataset.guest);
  if (state !== 'ready') throw new Error(`the page says: ${await page.locator('[role=alert]').innerText()}`);
  return Date.now() - started;
}

/** The terminal's visible text, one line per row, trailing spaces trimmed. */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.xterm-rows > div'), (row) => (row.textContent ?? '').replace(/\s+$/, '')).join('\n'));
}

/** Types a command line into the terminal, the way a student would. */
export async function typeCommand(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid=terminal]').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export async function waitForTerminalLine(page: Page, line: string, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    (want) => Array.from(document.querySelectorAll('.xterm-rows > div'), (r) => (r.textContent ?? '').trim()).includes(want),
    line, { timeout: timeoutMs },
  );
}
