// DockOS (images/tinyos) as a second machine: a multiboot OS that is not Linux, in a v86 of its
// own (serial-vm.ts). Its boot is timed twice: by the host (start → first byte, → prompt) and by
// DockOS itself (its TSC).
import type { V86 } from 'v86';
import type { ArtifactSource } from './artifacts';
import { loadVmFiles, SerialVm, startSecondMachine, type SecondVmOptions } from './serial-vm';
import { answerIn, parseBanner, TINY_PROMPT, type TinyBanner } from './tiny-console';

/** Small enough that several fit in a tab next to the 128 MB Linux guest. */
export const TINY_VM_MEMORY_MB = 16;
export const TINY_VM_FILES = ['seabios.bin', 'vgabios.bin', 'tinyos.bin'] as const;
export type TinyVmFiles = Record<(typeof TINY_VM_FILES)[number], Uint8Array>;

export type TinyVmOptions = SecondVmOptions<TinyVmFiles>;

/** Loads the second machine's files, each verified against the manifest (a damaged one is refused by name). */
export function loadTinyVmFiles(source: ArtifactSource): Promise<TinyVmFiles> {
  return loadVmFiles(source, TINY_VM_FILES);
}

export class TinyVm extends SerialVm {
  readonly kind = 'dockos' as const;
  banner!: TinyBanner;

  private constructor(emulator: V86, memoryMb: number, startedAt: number) {
    super(emulator, memoryMb, startedAt, 'DockOS', answerIn);
  }

  static async boot(options: TinyVmOptions): Promise<TinyVm> {
    const memoryMb = options.memoryMb ?? TINY_VM_MEMORY_MB;
    const startedAt = performance.now();
    const emulator = startSecondMachine({
      wasmPath: options.wasmPath, memoryMb, bios: options.files['seabios.bin'], vgaBios: options.files['vgabios.bin'],
      boot: { multiboot: options.files['tinyos.bin'] },
    });
    const vm = new TinyVm(emulator, memoryMb, startedAt);
    vm.banner = await vm.booted(parseBanner, options.timeoutMs ?? 30_000, 'DockOS did not print its banner and prompt');
    return vm;
  }

  /**
   * Power-on → DockOS's first instruction by the guest's own clock: its TSC stamp at entry,
   * placed on the host's timeline (v86's TSC is performance.now() in ns). null when the two
   * clocks do not line up (another emulator's TSC).
   */
  get firmwareMsByGuest(): number | null {
    const ms = this.banner.entryTscMs - this.timings.startedAt;
    return ms >= 0 && ms <= this.timings.promptMs ? ms : null;
  }

  /** Kernel release, boot id and process count, as DockOS's shell tells them. */
  async identify(): Promise<{ kernel: string; bootId: string; processes: number }> {
    const kernel = await this.ask('uname -r');
    const bootId = await this.ask('bootid');
    const processes = (await this.ask('ps')).split('\n').length - 1;
    return { kernel, bootId, processes };
  }

  /** Whether a transcript shows DockOS's own panic. */
  static panicked(transcript: string): boolean {
    return transcript.includes('DockOS panic');
  }
}

export { TINY_PROMPT, type TinyBanner };
