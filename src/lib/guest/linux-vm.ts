// The VM page's Linux VM: a second, separate machine booting Linux 6.1 (bookworm's
// linux-source-6.1, images/vm/build-vm-kernel.sh) with a busybox initramfs built into the
// kernel (v86 puts a separate initrd at 64 MB, which would need more RAM), in a v86 of its own
// (serial-vm.ts). A different kernel than the container host's 6.12: its own release, its own
// boot id, its own processes. Its boot is timed by the host (start → first byte → prompt) and
// by the kernel's own clock (printk timestamps, /proc/uptime).
import type { V86 } from 'v86';
import type { ArtifactSource } from './artifacts';
import { linuxAnswerIn, linuxPanicked, parseLinuxBanner, type LinuxBanner } from './linux-console';
import { loadVmFiles, SerialVm, startSecondMachine, type SecondVmOptions } from './serial-vm';

/**
 * The smallest RAM it boots in reliably, with room to spare: the kernel (≈ 3 MB unpacked, its
 * initramfs inside), the unpacked initramfs (≈ 2 MB) and busybox's processes.
 */
export const LINUX_VM_MEMORY_MB = 32;
export const LINUX_VM_FILES = ['seabios.bin', 'vgabios.bin', 'linux-vm/bzImage'] as const;
export type LinuxVmFiles = Record<(typeof LINUX_VM_FILES)[number], Uint8Array>;
/** No `quiet`: the student sees the kernel boot on the console. */
export const LINUX_VM_CMDLINE = 'console=ttyS0 tsc=reliable mitigations=off random.trust_cpu=on';

export interface LinuxVmOptions extends SecondVmOptions<LinuxVmFiles> {
  /** the kernel's command line (LINUX_VM_CMDLINE unless given) */
  cmdline?: string;
}

/** Loads the Linux VM's files, each verified against the manifest (a damaged one is refused by name). */
export function loadLinuxVmFiles(source: ArtifactSource): Promise<LinuxVmFiles> {
  return loadVmFiles(source, LINUX_VM_FILES);
}

export class LinuxVm extends SerialVm {
  readonly kind = 'linux' as const;
  banner!: LinuxBanner;

  private constructor(emulator: V86, memoryMb: number, startedAt: number) {
    super(emulator, memoryMb, startedAt, 'The Linux VM', linuxAnswerIn);
  }

  static async boot(options: LinuxVmOptions): Promise<LinuxVm> {
    const memoryMb = options.memoryMb ?? LINUX_VM_MEMORY_MB;
    const startedAt = performance.now();
    const emulator = startSecondMachine({
      wasmPath: options.wasmPath, memoryMb, bios: options.files['seabios.bin'], vgaBios: options.files['vgabios.bin'],
      boot: { bzimage: options.files['linux-vm/bzImage'], cmdline: options.cmdline ?? LINUX_VM_CMDLINE },
    });
    const vm = new LinuxVm(emulator, memoryMb, startedAt);
    vm.banner = await vm.booted(parseLinuxBanner, options.timeoutMs ?? 60_000, 'The Linux VM did not print its banner and prompt');
    return vm;
  }

  /** Kernel release, boot id and the processes it sees, asked of its shell. */
  async identify(): Promise<{ kernel: string; bootId: string; processes: number }> {
    const kernel = await this.ask('uname -r');
    const bootId = await this.ask('cat /proc/sys/kernel/random/boot_id');
    const processes = Number(await this.ask('ls -d /proc/[0-9]* | wc -l'));
    return { kernel, bootId, processes };
  }

  static panicked(transcript: string): boolean {
    return linuxPanicked(transcript);
  }
}

export type { LinuxBanner };
