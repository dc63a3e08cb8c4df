// The VM page's second machines, each in a v86 of its own under Node.
// DockOS (images/tinyos) says who it is (not Linux), reports its boot by its own clock and its
// memory from the multiboot map, and answers on its serial line; a damaged image is refused by
// name; two machines are two boots.
// The Linux VM (Linux 6.1, images/vm/build-vm-kernel.sh) boots beside the container host (6.12):
// another kernel release, another boot id; a panic of the host's kernel stops its containers
// while the Linux VM still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANIC_COMMAND } from '../../src/app/vm/host-probe';
import { fileSource, bootNodeGuest, bootNodeLinuxVm, bootNodeTinyVm } from '../../src/lib/guest/node';
import { LINUX_VM_CMDLINE, LINUX_VM_MEMORY_MB, loadLinuxVmFiles, type LinuxVm } from '../../src/lib/guest/linux-vm';
import type { GuestSession } from '../../src/lib/guest/session';
import { loadTinyVmFiles, TINY_VM_MEMORY_MB, TinyVm, type TinyVmFiles } from '../../src/lib/guest/tiny-vm';
import { ArtifactError } from '../../src/lib/guest/artifacts';

let vm: TinyVm;
let files: TinyVmFiles;
beforeAll(async () => {
  files = await loadTinyVmFiles(fileSource());
  vm = await bootNodeTinyVm({ files });
}, 60_000);
afterAll(async () => { await vm?.destroy(); });

describe('DockOS, the second VM', () => {
  it('prints its banner, its own boot time and the memory the machine was given', () => {
    expect(vm.output()).toContain('DockOS 0.1 \u2014 not Linux');
    expect(vm.banner).toMatchObject({ name: 'DockOS', version: '0.1' });
    // the multiboot map: the configured RAM minus the BIOS's low holes
    expect(vm.banner.memoryMb).toBeGreaterThanOrEqual(TINY_VM_MEMORY_MB - 2);
    expect(vm.banner.memoryMb).toBeLessThanOrEqual(TINY_VM_MEMORY_MB);
    expect(vm.banner.tscMhz).toBeGreaterThan(0);
    expect(vm.banner.initMs).toBeGreaterThan(0);
    expect(vm.banner.bootId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // the host's stamps are in order, and the guest's entry lies between start and prompt
    const t = vm.timings;
    expect(t.firstByteMs).toBeGreaterThan(0);
    expect(t.promptMs).toBeGreaterThanOrEqual(t.firstByteMs);
    expect(vm.firmwareMsByGuest).not.toBeNull();
  });

  it.each([
    ['uname', /^DockOS$/],
    ['uname -r', /^0\.1-dockos$/],
    ['mem', /^total: \d+ kB in \d+ regions/],
    ['uptime', /^up [\d.]+ ms$/],
    ['ps', /^PID  NAME\n  1  dockos-shell/],
    ['nonsense', /^nonsense: not found/],
  ])('answers %s', async (command, expected) => {
    expect(await vm.ask(command)).toMatch(expected);
  });

  it('reports its boot id again, unchanged, and a second machine boots with another one', async () => {
    expect(await vm.ask('bootid')).toBe(vm.banner.bootId);
    const other = await bootNodeTinyVm({ files });
    try {
      expect(other.banner.bootId).not.toBe(vm.banner.bootId);
      expect(await other.ask('uname -r')).toBe('0.1-dockos');
    } finally {
      await other.destroy();
    }
  }, 60_000);

  it('panics alone: the machine stops answering, another one does not notice', async () => {
    const doomed = await bootNodeTinyVm({ files });
    try {
      doomed.type('panic\r');
      await expect.poll(() => doomed.output()).toContain('DockOS panic');
      await expect(doomed.ask('uptime', 1500)).rejects.toThrow(/did not answer 'uptime'/);
      expect(await vm.ask('uptime')).toMatch(/^up /);
    } finally {
      await doomed.destroy();
    }
  }, 60_000);

  it('refuses a damaged image by name, before booting it', async () => {
    const source = fileSource();
    const damaged = {
      read: async (path: string) => {
        const bytes = await source.read(path);
        if (bytes && path === 'vm/tinyos.bin') bytes[100] ^= 0xff;
        return bytes;
      },
    };
    await expect(loadTinyVmFiles(damaged)).rejects.toThrow(ArtifactError);
    await expect(loadTinyVmFiles(damaged)).rejects.toThrow(/vm\/tinyos\.bin is damaged/);
  });

  it('says why when the machine does not boot: no banner, and what (nothing) came on the line', async () => {
    const garbage = { ...files, 'tinyos.bin': new Uint8Array(4096) }; // no multiboot header: SeaBIOS finds nothing to boot
    await expect(bootNodeTinyVm({ files: garbage, timeoutMs: 4000 })).rejects.toThrow(/DockOS did not print its banner and prompt within 4 s/);
  }, 30_000);
});

describe('the Linux VM (Linux 6.1), the second VM beside the container host', () => {
  let linux: LinuxVm;
  let host: GuestSession;
  beforeAll(async () => {
    [linux, host] = await Promise.all([bootNodeLinuxVm(), bootNodeGuest()]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([linux?.destroy(), host?.destroy()]);
  }, 30_000);

  it('boots a real kernel to a shell, timed by the host and by the kernel\'s own clock', () => {
    expect(linux.output()).toMatch(/Linux version 6\.1\.\d+/);
    expect(linux.banner.release).toMatch(/^6\.1\.\d+$/);
    expect(linux.banner.bootId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(linux.memoryMb).toBe(LINUX_VM_MEMORY_MB);
    const t = linux.timings;
    expect(t.firstByteMs).toBeGreaterThan(0);
    expect(t.promptMs).toBeGreaterThan(t.firstByteMs);
    // the kernel's clock: /init started before the banner, both within the host's start → prompt
    expect(linux.banner.kernelInitMs).toBeGreaterThan(0);
    expect(linux.banner.uptimeMs).toBeGreaterThanOrEqual(linux.banner.kernelInitMs!);
    expect(linux.banner.uptimeMs).toBeLessThan(t.promptMs);
  });

  it('runs another kernel than the host: another release (6.1 vs 6.12), another boot id, its own processes', async () => {
    const hostKernel = (await host.exec('uname -r')).stdout.trim();
    const hostBootId = (await host.exec('cat /proc/sys/kernel/random/boot_id')).stdout.trim();
    expect(hostKernel).toMatch(/^6\.12\./);
    const vm = await linux.identify();
    expect(vm.kernel).toMatch(/^6\.1\.\d+$/);
    expect(vm.kernel).toBe(linux.banner.release);
    expect(vm.bootId).toBe(linux.banner.bootId);
    expect(vm.bootId).not.toBe(hostBootId);
    expect(vm.processes).toBeGreaterThan(1); // init, its shell and the kernel's threads
    expect(await linux.ask('echo $((6 * 7))')).toBe('42');
    expect(await linux.ask('cat /proc/meminfo | head -1')).toMatch(/^MemTotal:\s+\d+ kB$/);
  }, 60_000);

  it('keeps answering when a container panics the host\'s kernel, whose containers all stop', async () => {
    const id = (await host.exec('docker run -d --rm busybox sleep 600', { timeoutMs: 60_000 })).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{12,}$/);
    expect((await host.exec('docker ps -q')).stdout).toContain(id.slice(0, 12));
    let console = '';
    host.onTerminal((bytes) => { console += new TextDecoder().decode(bytes); }, false);
    host.exec(PANIC_COMMAND, { timeoutMs: 15_000 }).catch(() => {}); // never answered: the kernel dies
    await expect.poll(() => console, { timeout: 30_000 }).toContain('Kernel panic - not syncing');
    // the host's kernel is gone, and every container with it: nothing answers there any more
    await expect(host.ping(2000)).rejects.toThrow();
    const answer = await linux.ask('uptime');
    expect(answer).toMatch(/up .*load average/);
    expect(await linux.ask('uname -r')).toBe(linux.banner.release);
  }, 90_000);

  it('refuses a damaged kernel by name, before booting it', async () => {
    const source = fileSource();
    const damaged = {
      read: async (path: string) => {
        const bytes = await source.read(path);
        if (bytes && path === 'vm/linux-vm/bzImage') bytes[1000] ^= 0xff;
        return bytes;
      },
    };
    await expect(loadLinuxVmFiles(damaged)).rejects.toThrow(/vm\/linux-vm\/bzImage is damaged/);
  });

  it('says why when it does not boot, with the last lines it printed', async () => {
    // no such /init: the kernel falls back to /sbin/init (busybox init), which finds no /dev/ttyS0
    // (nothing mounted devtmpfs) and never starts a shell; the error shows where the boot stopped
    await expect(bootNodeLinuxVm({ cmdline: `${LINUX_VM_CMDLINE} rdinit=/no-such-init`, timeoutMs: 15_000 }))
      .rejects.toThrow(/The Linux VM did not print its banner and prompt within 15 s\nlast serial output:\n[\s\S]*Run \/sbin\/init as init process/);
  }, 60_000);
});
