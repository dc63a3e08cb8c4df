// What the VM page's second machines share, whatever they boot (DockOS or the Linux VM): a
// v86 of their own whose only way out is COM1, its boot timed by the host's clock (start →
// first serial byte → prompt), the serial transcript, and one command at a time typed on the
// line with its answer read back up to the next prompt.
import { V86 } from 'v86';
import { loadManifest, loadVerified, type ArtifactSource } from './artifacts';

/** v86 always has a VGA card; the smallest framebuffer it accepts here. */
export const SECOND_VM_VGA_MB = 1;

/** Host clock (performance.now(), ms) at each step of the boot. */
export interface VmTimings {
  startedAt: number;
  /** v86 built the machine (wasm instance, memory) */
  loadedMs: number;
  /** the first byte on the serial line: the BIOS and the OS's loader are behind it */
  firstByteMs: number;
  /** the prompt: the machine is usable */
  promptMs: number;
}

/** A second machine that did not boot or did not answer, with the last lines it printed. */
export class VmError extends Error {
  constructor(message: string, readonly serialTail: string) {
    super(serialTail ? `${message}\nlast serial output:\n${serialTail}` : `${message}\n(nothing arrived on the serial line)`);
    this.name = 'VmError';
  }
}

/** The answer to `command` in a transcript that starts where it was sent; null until the prompt is back. */
export type AnswerReader = (transcript: string, command: string) => string | null;

export abstract class SerialVm {
  readonly timings: VmTimings;
  private transcript = '';
  private readonly listeners = new Set<(text: string) => void>();
  private destroyed = false;
  private queue: Promise<unknown> = Promise.resolve();

  protected constructor(
    private readonly emulator: V86, readonly memoryMb: number, startedAt: number,
    /** the OS's name in messages ("DockOS did not answer …") */
    private readonly osName: string, private readonly answerIn: AnswerReader,
  ) {
    this.timings = { startedAt, loadedMs: NaN, firstByteMs: NaN, promptMs: NaN };
    const decoder = new TextDecoder();
    emulator.add_listener('emulator-loaded', () => { this.timings.loadedMs = performance.now() - startedAt; });
    emulator.add_listener('serial0-output-byte', (byte: number) => {
      if (Number.isNaN(this.timings.firstByteMs)) this.timings.firstByteMs = performance.now() - startedAt;
      const text = decoder.decode(new Uint8Array([byte]), { stream: true });
      if (!text) return;
      this.transcript = (this.transcript + text).slice(-16_384);
      for (const listener of this.listeners) listener(text);
    });
  }

  /** Everything the machine printed (the last 16 KiB). */
  output(): string {
    return this.transcript;
  }

  onOutput(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Types a command and resolves with the answer (one command at a time: the line has no ids). */
  ask(command: string, timeoutMs = 5000): Promise<string> {
    const next = this.queue.then(() => this.askNow(command, timeoutMs));
    this.queue = next.catch(() => {});
    return next;
  }

  /** Types without waiting for an answer (a panic has none). */
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

  /** Waits for the boot's end (`check` non-null), stamps the prompt's time; switches the machine off when it fails. */
  protected async booted<T>(check: (transcript: string) => T | null, timeoutMs: number, what: string): Promise<T> {
    try {
      const value = await this.until(() => check(this.transcript), timeoutMs, what);
      this.timings.promptMs = performance.now() - this.timings.startedAt;
      return value;
    } catch (error) {
      await this.destroy();
      throw error;
    }
  }

  private async askNow(command: string, timeoutMs: number): Promise<string> {
    let since = '';
    const off = this.onOutput((text) => { since += text; });
    try {
      this.type(command + '\r');
      return await this.until(() => this.answerIn(since, command), timeoutMs, `${this.osName} did not answer '${command}'`);
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
      const timer = setTimeout(() => done(() => reject(new VmError(
        `${what} within ${(timeoutMs / 1000).toFixed(0)} s`, tail(this.transcript),
      ))), timeoutMs);
      const now = check();
      if (now !== null) done(() => resolve(now));
    });
  }
}

function tail(text: string): string {
  return text.replace(/\r/g, '').split('\n').slice(-8).join('\n').trim();
}

/** v86 keeps the buffers it is given; each machine gets its own copy (its own BIOS). */
export function copyBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** How a second machine is booted: the files it needs, already checked against vm/manifest.json. */
export interface SecondVmOptions<Files> {
  wasmPath: string;
  files: Files;
  memoryMb?: number;
  timeoutMs?: number;
}

/** Loads a second machine's files from vm/, each verified against the manifest (a damaged one is refused by name). */
export async function loadVmFiles<Name extends string>(source: ArtifactSource, names: readonly Name[]): Promise<Record<Name, Uint8Array>> {
  const manifest = await loadManifest(source, 'vm');
  const files: Partial<Record<Name, Uint8Array>> = {};
  for (const file of names) files[file] = await loadVerified(source, manifest, file);
  return files as Record<Name, Uint8Array>;
}

/**
 * A second machine's v86, started at once: its own BIOSes and memory, the smallest VGA, no
 * keyboard, mouse or speaker (COM1 is its only way out), and what it boots (a multiboot OS or a
 * bzImage with its command line, in v86's own option names).
 */
export function startSecondMachine(options: {
  wasmPath: string; memoryMb: number; bios: Uint8Array; vgaBios: Uint8Array;
  boot: { multiboot: Uint8Array } | { bzimage: Uint8Array; cmdline: string };
}): V86 {
  const boot = 'multiboot' in options.boot
    ? { multiboot: { buffer: copyBuffer(options.boot.multiboot) } }
    : { bzimage: { buffer: copyBuffer(options.boot.bzimage) }, cmdline: options.boot.cmdline };
  return new V86({
    wasm_path: options.wasmPath,
    memory_size: options.memoryMb * 1024 * 1024,
    vga_memory_size: SECOND_VM_VGA_MB * 1024 * 1024,
    bios: { buffer: copyBuffer(options.bios) },
    vga_bios: { buffer: copyBuffer(options.vgaBios) },
    ...boot,
    autostart: true,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
  });
}
