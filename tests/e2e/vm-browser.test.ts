// The VM browser in Chromium: a container publishes port 8080 in the real guest, the page
// lists it from the engine's state, and opening it shows the page the container serves,
// fetched inside the VM through the nftables DNAT rule. A closed port names the reason.
// Needs `npm run build` first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt } from '../../scripts/lib/app-page';
import { guestExec, useBuiltApp } from './built-app';

const app = useBuiltApp();

describe('the VM browser', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await app.browser().newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
  });

  it("opens a published port: the container's page, through the VM's DNAT rule", async () => {
    await openUntilPrompt(page, app.url());
    expect((await guestExec(page, 'docker run -d --name site -p 8080:80 httpd-demo')).exitCode).toBe(0);
    await page.getByTestId('view-browser').click();
    const browser = page.getByTestId('vm-browser');
    const published = browser.getByRole('button', { name: 'localhost:8080 → site:80' });
    await expect.poll(() => published.count(), { timeout: 30_000 }).toBe(1);
    await published.click();
    await expect.poll(() => page.getByTestId('vm-browser-status').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/^200 OK · \d+ bytes · \d+ ms$/);
    await expect.poll(() => page.frameLocator('iframe').locator('body').innerText(), { timeout: 10_000 }).toContain('Hello from a container');
    // the rule is the reason: the same URL, asked in the VM, goes to the container
    expect((await guestExec(page, 'nft list table ip dockhand')).stdout).toMatch(/tcp dport 8080 (counter packets \d+ bytes \d+ )?dnat to 172\.17\.0\.\d+:80/);
  }, 180_000);

  it('a port nobody publishes: the reason wget gave', async () => {
    await page.getByTestId('vm-browser-url').fill('http://localhost:8099/');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 }).toContain('Connection refused');
  }, 60_000);
});
