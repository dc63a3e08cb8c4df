// One running guest: boots v86 (cold, or from the saved state), reports boot progress,
// carries the student's terminal (ttyS0) and the control channel (requests on ttyS1, the
// guest's replies and events on virtio-console ports), and saves and
// restores machine state. The same module runs in the browser and in Node; only the
// ArtifactSource and the wasm path differ.
import { V86, type V86Options } from 'v86';
import { binaryToBytes, bytesToBinary } from '../../protocol/binary-string';
import { MAX_INLINE_STDIN, type ControlReply } from '../../protocol/control';
import { isEngineEvent, NFTABLES_ADDON, type EngineEvent, type EngineState } from '../../protocol/engine';
import {
  ArtifactError, BOOT_FILES, loadManifest, loadVerified, stateKey, verify,
  type ArtifactDir, type ArtifactSource, type Manifest, type StateInfo,
} from './artifacts';
import { ConsoleTail, downloadProgress, milestoneFor, type BootProgress } from './boot-phases';
import { ControlChannel } from './control-channel';
import {
  CONTROL_SERIAL, EVENT_PORT, GUEST_FILES, GUEST_MEMORY_MB, GUEST_VGA_MB, KERNEL_CMDLINE, MACHINE_FINGERPRINT, REPLY_PORT, TERMINAL_SERIAL,
  type GuestFiles,
} from './machine-config';

export type BootMode = 'snapshot' | 'cold';

export interface GuestOptions {
  source: ArtifactSource;
  /** where v86.wasm is (a URL in the browser, a file path in Node) */
  wasmPath: string;
  v86Version: string;
  /** 'snapshot' (the default) restores the saved state when it fits, else boots cold */
  mode?: BootMode;
  /** the guest code (agent, engine); read from `generated/` when absent */
  guestFiles?: GuestFiles;
  onProgress?: (progress: BootProgress) => void;
  readyTimeoutMs?: number;
  /** false: no add-ons on the 9p share (the saved state is built without them) */
  addons?: boolean;
  /** how long after the first shell the add-ons are fetched (default ADDON_DELAY_MS) */
  addonDelayMs?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Uint8Array;
  timedOut: boolean;
  durationMs: number;
}

export class GuestBootError extends Error {
  constructor(message: string, readonly consoleTail: string) {
    super(consoleTail ? `${message}\nlast console lines:\n${consoleTail}` : message);
    this.name = 'GuestBootError';
  }
}

type Manifests = Record<ArtifactDir, Manifest>;

const TERMINAL_BACKLOG_BYTES = 256 * 1024;
/** the add-ons wait this long after the first shell, so they compete with nothing the student starts at once */
const ADDON_DELAY_MS = 3000;
const DEFAULT_READY_TIMEOUT_MS = 90_000;
/** a virtio-console device with no page adapter (v86 takes `true`; its types do not say so) */
const VIRTIO_CONSOLE = true as unknown as V86Options['virtio_console'];

export class GuestSession {
  readonly control: ControlChannel;
  /** how the machine came up, and why a snapshot was not used when it was asked for */
  bootMode: BootMode = 'cold';
  snapshotFallbackReason: string | null = null;
  /**
   * the saved state this session was restored from, as downloaded (zstd, ~7 MB; v86 restores
   * zstd states as they are): a checkpoint of the boot that costs the tab a quarter of a fresh
   * saveState's ~28 MB. null after a cold boot.
   */
  bootSnapshot: ArrayBuffer | null = null;
  /** ms since the session started, per milestone */
  readonly timings: Record<string, number> = {};
  bootId = '';

  private readonly started = performance.now();
  private readonly terminalListeners = new Set<(bytes: Uint8Array) => void>();
  private backlog: Uint8Array[] = [];
  private backlogSize = 0;
  private pendingOutput: number[] = [];
  private readonly tail = new ConsoleTail();
  private progress: BootProgress = { phase: 'download', value: 0, text: 'starting' };
  private destroyed = false;
  private stdinFiles = 0;
  private engineListeners = 0;
  private readonly addonFiles = new Map<string, Uint8Array>();
  /** settles once the add-ons (nftables) are on the 9p share; rejects if one could not be loaded */
  addonsDelivered: Promise<void> = Promise.resolve();

  private constructor(private readonly emulator: V86, private readonly onProgress?: (p: BootProgress) => void) {
    this.control = new ControlChannel((frame) => emulator.serial_send_bytes(CONTROL_SERIAL, frame));
    for (const port of [REPLY_PORT, EVENT_PORT]) {
      emulator.add_listener(`virtio-console${port}-output-bytes` as 'virtio-console0-output-bytes', this.control.stream());
    }
    emulator.add_listener('serial0-output-byte', (byte: number) => this.terminalByte(byte));
  }

  /** Boots a guest and resolves once its control agent answers. */
  static async boot(options: GuestOptions): Promise<GuestSession> {
    const report = options.onProgress ?? (() => {});
    const manifests = { vm: await loadManifest(options.source, 'vm'), images: await loadManifest(options.source, 'images') };
    const guestFiles = options.guestFiles ?? (await readGuestFiles(options.source));

    let snapshot: Uint8Array | null = null;
    let fallbackReason: string | null = null;
    if ((options.mode ?? 'snapshot') === 'snapshot') {
      const found = await loadSnapshot(options, manifests, guestFiles, report);
      snapshot = found.state;
      fallbackReason = found.reason;
    }
    const session = snapshot
      ? await GuestSession.restoreFrom(options, snapshot, report)
      : await GuestSession.coldBoot(options, manifests, guestFiles, report);
    session.snapshotFallbackReason = fallbackReason;
    if (options.addons !== false) session.deliverAddons(options.source, manifests.vm, options.addonDelayMs ?? ADDON_DELAY_MS);
    return session;
  }

  private static async coldBoot(options: GuestOptions, manifests: Manifests, guestFiles: GuestFiles, report: (p: BootProgress) => void) {
    const total = BOOT_FILES.reduce((sum, f) => sum + (manifests[f.dir].files.find((e) => e.file === f.file)?.size ?? 0), 0);
    const loaded: Record<string, number> = {};
    const files: Record<string, Uint8Array> = {};
    for (const { dir, file } of BOOT_FILES) {
      files[file] = await loadVerified(options.source, manifests[dir], file, (n) => {
        loaded[file] = n;
        report(downloadProgress('cold', Object.values(loaded).reduce((a, b) => a + b, 0), total));
      }, dir);
    }
    const emulator = new V86({
      wasm_path: options.wasmPath,
      memory_size: GUEST_MEMORY_MB * 1024 * 1024,
      vga_memory_size: GUEST_VGA_MB * 1024 * 1024,
      bios: { buffer: toArrayBuffer(files['seabios.bin']) },
      vga_bios: { buffer: toArrayBuffer(files['vgabios.bin']) },
      bzimage: { buffer: toArrayBuffer(files['bzImage']) },
      initrd: { buffer: toArrayBuffer(files['initramfs.img']) },
      cmdline: KERNEL_CMDLINE,
      uart1: true,
      virtio_console: VIRTIO_CONSOLE,
      filesystem: {},
      autostart: false,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
    const session = new GuestSession(emulator, report);
    session.bootMode = 'cold';
    await session.whenLoaded();
    for (const name of GUEST_FILES) await emulator.create_file(name, guestFiles[name]);
    await emulator.create_file('base-images.oci.tar', files['base-images.oci.tar']);
    session.mark('emulatorLoaded');
    session.setProgress({ phase: 'bios', value: 0.32, text: 'BIOS' });
    const hello = session.waitForHello();
    await emulator.run();
    await session.untilReady(hello, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, 'boot');
    return session;
  }

  private static async restoreFrom(options: GuestOptions, state: Uint8Array, report: (p: BootProgress) => void) {
    report({ phase: 'restoring', value: 0.85, text: 'restoring the saved machine' });
    const emulator = new V86({
      wasm_path: options.wasmPath,
      memory_size: GUEST_MEMORY_MB * 1024 * 1024,
      vga_memory_size: GUEST_VGA_MB * 1024 * 1024,
      initial_state: { buffer: toArrayBuffer(state) },
      uart1: true,
      virtio_console: VIRTIO_CONSOLE,
      filesystem: {},
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
    const session = new GuestSession(emulator, report);
    session.bootMode = 'snapshot';
    session.bootSnapshot = toArrayBuffer(state);
    await session.whenLoaded();
    session.mark('emulatorLoaded');
    await session.untilReady(session.ping(), options.readyTimeoutMs ?? 20_000, 'restore');
    await session.syncClock();
    return session;
  }

  // ---- the terminal (ttyS0) ----

  /** Subscribes to terminal output; `replay` first delivers what was printed before. */
  onTerminal(listener: (bytes: Uint8Array) => void, replay = true): () => void {
    if (replay) for (const chunk of this.backlog) listener(chunk);
    this.terminalListeners.add(listener);
    return () => this.terminalListeners.delete(listener);
  }

  sendTerminal(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.emulator.serial_send_bytes(TERMINAL_SERIAL, bytes);
  }

  /** Tells the shell's tty its size (the serial line cannot carry it); SIGWINCH follows. */
  async resizeTerminal(cols: number, rows: number): Promise<void> {
    await this.exec(`stty -F /dev/ttyS0 cols ${Math.floor(cols)} rows ${Math.floor(rows)}`, { timeoutMs: 5000 });
  }

  /** The last lines the guest printed on its console (for error reports). */
  consoleTail(): string {
    return this.tail.text();
  }

  // ---- the control channel (requests on ttyS1, replies on virtio-console port 0) ----

  async exec(cmd: string, options: { stdin?: Uint8Array | string; timeoutMs?: number; cwd?: string } = {}): Promise<ExecResult> {
    const stdin = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : options.stdin;
    const timeoutMs = options.timeoutMs ?? 60_000;
    let input: { stdin?: string; stdinPath?: string } = {};
    if (stdin && stdin.length > MAX_INLINE_STDIN) {
      const name = `stdin-${Date.now().toString(36)}-${(this.stdinFiles++).toString(36)}`;
      await this.putFile(name, stdin);
      input = { stdinPath: `/mnt/host/${name}` };
    } else if (stdin) {
      input = { stdin: bytesToBinary(stdin) };
    }
    const reply = expectOp(await this.control.request({ op: 'exec', cmd, timeoutMs, cwd: options.cwd, ...input }, timeoutMs + 10_000), 'exec');
    const stdoutBytes = binaryToBytes(reply.stdout);
    return {
      exitCode: reply.exitCode,
      stdout: new TextDecoder().decode(stdoutBytes),
      stderr: new TextDecoder().decode(binaryToBytes(reply.stderr)),
      stdoutBytes,
      timedOut: reply.timedOut,
      durationMs: reply.durationMs,
    };
  }

  async ping(timeoutMs = 10_000): Promise<{ bootId: string; uptimeMs: number }> {
    const reply = expectOp(await this.control.request({ op: 'ping' }, timeoutMs), 'pong');
    this.bootId = reply.bootId;
    return reply;
  }

  // ---- the container engine's control API (relayed by the agent from the daemon) ----

  /** One snapshot of the engine: containers (namespaces, cgroup, processes, mounts), images and layers, the VM's processes. */
  async engineState(timeoutMs = 30_000): Promise<EngineState> {
    return expectOp(await this.control.request({ op: 'engine.state' }, timeoutMs), 'engine.state').state;
  }

  /** Container lifecycle events and the x-ray of each docker command; returns a function that stops listening. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    const off = this.control.onEvent((event) => {
      if (isEngineEvent(event)) listener(event);
    });
    if (this.engineListeners++ === 0) this.subscribeToEngine(true);
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      off();
      if (--this.engineListeners === 0) this.subscribeToEngine(false);
    };
  }

  /** The engine sends events only to a host that asked (after a restore, the saved machine's choice is asked again). */
  private subscribeToEngine(events: boolean): void {
    this.control.request({ op: 'engine.subscribe', events }, 30_000).catch(() => {
      // the daemon is not up yet: the agent asks again when it connects
    });
  }

  // ---- files into the guest ----

  /** Puts a file at the top level of the 9p share; the guest sees it as /mnt/host/<name>. */
  async putFile(name: string, bytes: Uint8Array): Promise<void> {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`putFile: '${name}' is not a plain file name`);
    await this.emulator.create_file(name, bytes);
  }

  // ---- machine state ----

  saveState(): Promise<ArrayBuffer> {
    return this.emulator.save_state();
  }

  /** Puts the machine back to a saved state (raw or zstd) and waits for the agent. */
  async restoreState(state: ArrayBuffer): Promise<void> {
    this.control.abortAll('the machine state was restored');
    await this.emulator.restore_state(state);
    await this.ping();
    await this.syncClock();
    if (this.engineListeners > 0) this.subscribeToEngine(true);
    // the 9p share comes back as it was saved: put the add-ons there again
    for (const [name, bytes] of this.addonFiles) await this.putFile(name, bytes);
  }

  isRunning(): boolean {
    return this.emulator.is_running();
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.control.abortAll('the guest was shut down');
    await this.emulator.destroy();
  }

  // ---- internals ----

  /**
   * nftables, which the daemon unpacks in the background (2.2 MB: not part of the boot): fetched
   * and checked against the manifest a moment after the shell is up, then put on the 9p share.
   */
  private deliverAddons(source: ArtifactSource, manifest: Manifest, delayMs: number): void {
    this.addonsDelivered = (async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const bytes = await loadVerified(source, manifest, NFTABLES_ADDON);
      this.addonFiles.set(NFTABLES_ADDON, bytes);
      if (!this.destroyed) await this.putFile(NFTABLES_ADDON, bytes);
    })();
    this.addonsDelivered.catch((error) => console.warn(`${NFTABLES_ADDON} was not delivered: ${(error as Error).message}`));
  }

  /** Serial output arrives a byte at a time; hand it on in one chunk per emulation slice. */
  private terminalByte(byte: number): void {
    this.pendingOutput.push(byte);
    if (this.pendingOutput.length === 1) queueMicrotask(() => this.flushTerminal());
    const line = this.tail.push(byte);
    if (line !== null && this.progress.phase !== 'ready') {
      const milestone = milestoneFor(line);
      if (milestone && milestone.value > this.progress.value) {
        this.mark(milestone.text);
        this.setProgress(milestone);
      }
    }
  }

  private flushTerminal(): void {
    const chunk = Uint8Array.from(this.pendingOutput);
    this.pendingOutput = [];
    this.backlog.push(chunk);
    this.backlogSize += chunk.length;
    while (this.backlogSize > TERMINAL_BACKLOG_BYTES && this.backlog.length > 1) {
      this.backlogSize -= this.backlog.shift()!.length;
    }
    for (const listener of this.terminalListeners) listener(chunk);
  }

  private whenLoaded(): Promise<void> {
    return new Promise((resolve) => this.emulator.add_listener('emulator-loaded', () => resolve()));
  }

  private waitForHello(): Promise<unknown> {
    return new Promise((resolve) => {
      const off = this.control.onEvent((event) => {
        if (event.op !== 'hello') return;
        this.bootId = event.bootId;
        off();
        resolve(event);
      });
    });
  }

  private async untilReady(ready: Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GuestBootError(
        `the guest did not become ready within ${Math.round(timeoutMs / 1000)} s (${what})`, this.consoleTail(),
      )), timeoutMs);
    });
    try {
      await Promise.race([ready, timeout]);
    } catch (error) {
      await this.destroy();
      throw error instanceof GuestBootError ? error : new GuestBootError(String(error), this.consoleTail());
    } finally {
      clearTimeout(timer);
    }
    this.mark('ready');
    this.setProgress({ phase: 'ready', value: 1, text: 'ready' });
  }

  /** A restored machine wakes with the clock of the moment it was saved. */
  private async syncClock(): Promise<void> {
    await this.exec(`date -s @${Math.floor(Date.now() / 1000)} >/dev/null`, { timeoutMs: 5000 });
  }

  private mark(name: string): void {
    this.timings[name] ??= Math.round(performance.now() - this.started);
  }

  private setProgress(progress: BootProgress): void {
    this.progress = progress;
    this.onProgress?.(progress);
  }
}

async function loadSnapshot(
  options: GuestOptions, manifests: Manifests, guestFiles: GuestFiles, report: (p: BootProgress) => void,
): Promise<{ state: Uint8Array | null; reason: string | null }> {
  const infoBytes = await options.source.read('generated/state.json');
  if (!infoBytes) return { state: null, reason: 'no saved state (run `npm run build`)' };
  const info = JSON.parse(new TextDecoder().decode(infoBytes)) as StateInfo;
  const key = await stateKey({ manifests: [manifests.vm, manifests.images], guestFiles, v86Version: options.v86Version, machine: MACHINE_FINGERPRINT });
  if (info.key !== key) return { state: null, reason: 'the saved state is from other artifacts (run `npm run build`)' };
  const state = await options.source.read(`generated/${info.file}`, (n, total) => report(downloadProgress('snapshot', n, total || info.size)));
  if (!state) return { state: null, reason: `generated/${info.file} is missing` };
  await verify(`generated/${info.file}`, state, info.size, info.sha256);
  return { state, reason: null };
}

async function readGuestFiles(source: ArtifactSource): Promise<GuestFiles> {
  const files: Partial<GuestFiles> = {};
  for (const name of GUEST_FILES) {
    const bytes = await source.read(`generated/${name}`);
    if (!bytes) throw new ArtifactError(`generated/${name} is missing: run \`npm run build\` first`);
    files[name] = bytes;
  }
  return files as GuestFiles;
}

function expectOp<Op extends ControlReply['op']>(reply: ControlReply, op: Op): Extract<ControlReply, { op: Op }> {
  if (reply.op === 'error') throw new Error(`guest agent: ${reply.message}`);
  if (reply.op !== op) throw new Error(`guest agent answered '${reply.op}' to a '${op}' request`);
  return reply as Extract<ControlReply, { op: Op }>;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
