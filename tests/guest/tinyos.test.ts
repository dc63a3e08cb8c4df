// The second machine: DockOS (images/tinyos) boots in a v86 of its own under Node, says who it
// is (not Linux), reports its boot by its own clock and its memory from the multiboot map, and
// answers on its serial line; a damaged image is refused by name; two machines are two boots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSource, bootNodeTinyVm } from '../../src/lib/guest/node';
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
