// The second machine: a v86 of its own (own BIOS, own memory, own CPU state) booting DockOS
// (images/tinyos), a multiboot OS that is not Linux. It talks on COM1 only. Its boot is timed
// twice: by the host (start → first byte, → prompt) and by DockOS itself (its TSC).
import { V86 } from 'v86';
import { loadManifest, loadVerified, type ArtifactSource } from './artifacts';
import { answerIn, parseBanner, TINY_PROMPT, type TinyBanner } from './tiny-console';

/** Small enough that several fit in a tab next to the 128 MB Linux guest. */
export const TINY_VM_MEMORY_MB = 16;
/** v86 always has a VGA card; the smallest framebuffer it accepts here. */
export const TINY_VM_VGA_MB = 1;
export const TINY_VM_FILES = ['seabios.bin', 'vgabios.bin', 'tinyos.bin'] as const;
export type TinyVmFiles = Record<(typeof TINY_VM_FILES)[number], Uint8Array>;

export interface TinyVmOptions {
  wasmPath: string;
  /** the BIOSes and the OS, already checked against vm/manifest.json (loadTinyVmFiles) */
  files: TinyVmFiles;
  memoryMb?: number;
  timeoutMs?: number;
}

/** Host clock (performance.now(), ms) at each step of the boot. */
export interface TinyVmTimings {
  startedAt: number;
  /** v86 built the machine (wasm instance, memory) */
  loadedMs: number;
  /** the first byte on the serial line: BIOS, the multiboot loader and DockOS's entry are behind it */
  firstByteMs: number;
  /** the prompt: the machine is usable */
  promptMs: number;
}

export class TinyVmError extends Error {
  constructor(message: string, readonly serialTail: string) {
    super(serialTail ? `${message}\nlast serial output:\n${serialTail}` : `${message}\n(nothing arrived on the serial line)`);
    this.name = 'TinyVmError';
  }
}

/** Loads the second machine's files, each verified against the manifest (a damaged one is refused by name). */
export async function loadTinyVmFiles(source: ArtifactSource): Promise<TinyVmFiles> {
  const manifest = await loadManifest(source, 'vm');
  const files: Partial<TinyVmFiles> = {};
  for (const file of TINY_VM_FILES) files[file] = await loadVerified(source, manifest, file);
  return files as TinyVmFiles;
}

export class TinyVm {
  readonly timings: TinyVmTimings;
  banner!: TinyBanner;
  private transcript = '';
  private readonly listeners = new Set<(text: string) => void>();
  private destroyed = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly emulator: V86, readonly memoryMb: number, startedAt: number) {
    this.timings = { startedAt, loadedMs: NaN, firstByteMs: NaN, promptMs: NaN };
    const decoder = new TextDecoder();
    emulator.add_listener('serial0-output-byte', (byte: number) => {
      if (Number.isNaN(this.timings.firstByteMs)) this.timings.firstByteMs = performance.now() - startedAt;
      const text = decoder.decode(new Uint8Array([byte]), { stream: true });
      if (!text) return;
      this.transcript = (this.transcript + text).slice(-16_384);
      for (const listener of this.listeners) listener(text);
    });
  }

  static async boot(options: TinyVmOptions): Promise<TinyVm> {
    const memoryMb = options.memoryMb ?? TINY_VM_MEMORY_MB;
    const startedAt = performance.now();
    const emulator = new V86({
      wasm_path: options.wasmPath,
      memory_size: memoryMb * 1024 * 1024,
      vga_memory_size: TINY_VM_VGA_MB * 1024 * 1024,
      bios: { buffer: copy(options.files['seabios.bin']) },
      vga_bios: { buffer: copy(options.files['vgabios.bin']) },
      multiboot: { buffer: copy(options.files['tinyos.bin']) },
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
    const vm = new TinyVm(emulator, memoryMb, startedAt);
    emulator.add_listener('emulator-loaded', () => { vm.timings.loadedMs = performance.now() - startedAt; });
    try {
      vm.banner = await vm.until(() => parseBanner(vm.transcript), options.timeoutMs ?? 30_000,
        'DockOS did not print its banner and prompt');
    } catch (error) {
      await vm.destroy();
      throw error;
    }
    vm.timings.promptMs = performance.now() - startedAt;
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

  /** Everything DockOS printed (the last 16 KiB). */
  output(): string {
    return this.transcript;
  }

  onOutput(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Types a command and resolves with DockOS's answer (one command at a time: the line has no ids). */
  ask(command: string, timeoutMs = 5000): Promise<string> {
    const next = this.queue.then(() => this.askNow(command, timeoutMs));
    this.queue = next.catch(() => {});
    return next;
  }

  /** Types without waiting for an answer (`panic` has none). */
  type(text: string): void {
    this.emulator.serial0_send(text);
  }

  isRunning(): boolean {
    return !this.destroyed && this.emulator.is_running();
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    await this.emulator.destroy();
  }

  private async askNow(command: string, timeoutMs: number): Promise<string> {
    let since = '';
    const off = this.onOutput((text) => { since += text; });
    try {
      this.type(command + '\r');
      return await this.until(() => answerIn(since, command), timeoutMs, `DockOS did not answer '${command}'`);
    } finally {
      off();
    }
  }

  /** Resolves with the first non-null `check()`, re-checked on every output byte; fails after timeoutMs. */
  private until<T>(check: () => T | null, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (fn: () => void) => { clearTimeout(timer); off(); fn(); };
      const off = this.onOutput(() => {
        const value = check();
        if (value !== null) done(() => resolve(value));
      });
      const timer = setTimeout(() => done(() => reject(new TinyVmError(
        `${what} within ${(timeoutMs / 1000).toFixed(0)} s`, tail(this.transcript),
      ))), timeoutMs);
      const now = check();
      if (now !== null) done(() => resolve(now));
    });
  }
}

export { TINY_PROMPT, type TinyBanner };

function tail(text: string): string {
  return text.replace(/\r/g, '').split('\n').slice(-8).join('\n').trim();
}

/** v86 keeps the buffers it is given; each machine gets its own copy (its own BIOS). */
function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
