// The "VM vs container" page in Chromium: a second machine boots beside the container host
// (by default the Linux VM, Linux 6.1; DockOS, our own tiny OS, on request), both are timed in
// the same page (the container's first run and its steady state), the kernels differ (6.1 vs
// 6.12), a container crashes the host's kernel while the Linux VM keeps answering, and the host
// comes back from its checkpoint. Needs `npm run build` first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUntilPrompt } from '../../scripts/lib/app-page';
import { useBuiltApp } from './built-app';

const app = useBuiltApp();
let page: Page;

beforeAll(async () => {
  page = await (await app.browser().newContext({ viewport: { width: 1400, height: 900 } })).newPage();
}, 60_000);

const text = (testId: string) => page.getByTestId(testId).innerText();

describe('VM vs container page', () => {
  it('boots the Linux VM by default: a real 6.1 kernel of its own beside the container host', async () => {
    await openUntilPrompt(page, app.url(), '#/vm');
    await expect.poll(() => text('vm-page')).toMatch(/A VM next to the containers/);
    expect(await page.getByTestId('vm-kind').getAttribute('data-kind')).toBe('linux');
    await page.getByTestId('boot-vm').click();
    await expect.poll(() => page.getByTestId('vm-page').getAttribute('data-vm'), { timeout: 60_000 }).toBe('running');
    const console = await text('vm-console');
    expect(console).toMatch(/Linux version 6\.1\.\d+/);
    expect(console).toMatch(/linux-vm: Linux 6\.1\.\d+ up [\d.]+ s, boot id [0-9a-f-]{36}/);
    expect(await text('vm-boot-detail')).toMatch(/host clock: \d+ ms to the prompt \(first console byte at \d+ ms\) · the kernel's own clock: \/init started at \d+ ms, banner at \d+ ms/);
  }, 120_000);

  it('starts a container and shows its first run, its steady time, the VM boot and their ratio', async () => {
    await page.getByTestId('start-container').click();
    // warm-up until steady (at least 40 runs), then ten runs (on a loaded CI machine, while nftables unpacks in the background: minutes)
    await expect.poll(async () => {
      const alert = page.getByTestId('vm-page').getByRole('alert');
      if (await alert.count()) throw new Error(`the page says: ${await alert.first().innerText()}`);
      return page.locator('[data-testid=bar-container][data-key=run][data-ms]').count();
    }, { timeout: 240_000 }).toBe(1);
    const vmMs = Number(await page.locator('[data-testid=bar-vm][data-key=boot-linux][data-ms]').getAttribute('data-ms'));
    const containerMs = Number(await page.locator('[data-testid=bar-container][data-key=run][data-ms]').getAttribute('data-ms'));
    const firstMs = Number(await page.locator('[data-testid=bar-container][data-key=first][data-ms]').getAttribute('data-ms'));
    expect(vmMs).toBeGreaterThan(0);
    expect(containerMs).toBeGreaterThan(0);
    expect(firstMs).toBeGreaterThan(0);
    expect(await text('container-detail')).toMatch(new RegExp(`first run took ${firstMs} ms[\\s\\S]*after \\d+ warm-up runs it settled at ${containerMs} ms`));
    const ratio = String(Math.round((vmMs / containerMs) * 10) / 10);
    await expect.poll(() => page.getByTestId('ratio').getAttribute('data-ratio')).toBe(ratio);
    expect(await text('ratio')).toMatch(/a VM boot \(Linux 6\.1\) took [\d.]+× a container start \(steady\)/);
    await expect.poll(() => text('memory'), { timeout: 30_000 }).toMatch(/container: [\d.]+ MB \(its cgroup's memory.current\)/);
    expect(await text('memory')).toMatch(/VM \(Linux 6\.1\): 33 MB reserved up front/);
  }, 300_000);

  it('shows that a container reports the host kernel (6.12) and the Linux VM its own (6.1)', async () => {
    await page.getByTestId('compare-kernels').click();
    await expect.poll(() => text('identity-vm'), { timeout: 60_000 }).toMatch(/\b6\.1\.\d+/);
    const host = await text('identity-host');
    const container = await text('identity-container');
    const hostKernel = /6\.12\.\d+/.exec(host)?.[0];
    expect(hostKernel).toBeTruthy();
    expect(container).toContain(hostKernel!);
    expect(await text('identity-vm')).not.toContain(hostKernel!);
    // the same kernel: the same boot id; the VM's is another
    const bootId = (row: string) => row.split('\t')[2]?.trim();
    expect(bootId(container)).toBe(bootId(host));
    expect(bootId(await text('identity-vm'))).not.toBe(bootId(host));
    expect(Number((await text('identity-vm')).split('\t')[3])).toBeGreaterThan(1);
  }, 120_000);

  it('scales out: N containers started vs N VMs booted, with their total times and memory', async () => {
    await page.getByTestId('scale-out').click();
    await expect.poll(() => text('scale-result'), { timeout: 90_000 })
      .toMatch(/^3 containers: \d+ ms, [\d.]+ MB · 3 VMs \(Linux 6\.1\): \d+ ms, 99 MB$/);
  }, 120_000);

  it('panics the host from a privileged container: the VM still answers, and reset brings the host back', async () => {
    await page.getByTestId('panic-host').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.guest), { timeout: 30_000 }).toBe('crashed');
    await expect.poll(() => text('survivor'), { timeout: 20_000 }).toMatch(/still answers: .*up .*load average/);
    await page.getByTestId('reset-host').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.guest), { timeout: 30_000 }).toBe('ready');
    await expect.poll(() => text('host-reset-time')).toMatch(/host back from its checkpoint in [\d.]+ s/);
    const uname = await page.evaluate(async () => {
      const session = (window as unknown as { dockhand: { session: { exec(cmd: string): Promise<{ stdout: string }> } } }).dockhand.session;
      return (await session.exec('uname -r')).stdout.trim();
    });
    expect(uname).toMatch(/^6\.12\./);
    expect(await page.getByTestId('vm-page').getAttribute('data-vm')).toBe('running');
  }, 120_000);

  it('boots DockOS when chosen: a different OS, and its boot bar beside the Linux VM\'s', async () => {
    await page.getByTestId('vm-kind-dockos').check();
    await page.getByTestId('boot-vm').click();
    await expect.poll(() => page.getByTestId('vm-boot-detail').getAttribute('data-kind'), { timeout: 30_000 }).toBe('dockos');
    await expect.poll(() => page.getByTestId('vm-page').getAttribute('data-vm'), { timeout: 30_000 }).toBe('running');
    expect(await text('vm-console')).toContain('DockOS 0.1 \u2014 not Linux');
    expect(await text('vm-boot-detail')).toMatch(/host clock: \d+ ms to the prompt · DockOS's own clock: [\d.]+ ms kernel init/);
    expect(await page.locator('[data-testid=bar-vm][data-key=boot-dockos][data-ms]').count()).toBe(1);
    expect(await page.locator('[data-testid=bar-vm][data-key=boot-linux][data-ms]').count()).toBe(1);
    await expect.poll(() => text('ratio')).toMatch(/a VM boot \(DockOS\) took/);
  }, 120_000);

  it('says why when a second VM cannot boot (a damaged image is refused by name)', async () => {
    const context = await app.browser().newContext();
    const broken = await context.newPage();
    await broken.route('**/vm/linux-vm/bzImage', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[64] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await openUntilPrompt(broken, app.url(), '#/vm');
    await broken.getByTestId('boot-vm').click();
    await expect.poll(() => broken.getByTestId('vm-error').innerText(), { timeout: 30_000 }).toMatch(/did not boot[\s\S]*vm\/linux-vm\/bzImage is damaged/);
    await context.close();
  }, 120_000);
});
