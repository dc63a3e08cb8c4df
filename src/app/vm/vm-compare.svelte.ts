// The VM page's state: every measurement the student has made, the second VM (through its
// xstate machine; the Linux VM or DockOS, the student's choice), and the steps of the panic demo.
// Components read it; it talks to the machines. Timings are kept as they were measured, never
// from constants.
import { createActor, fromPromise } from 'xstate';
import { GUEST_MEMORY_MB, GUEST_VGA_MB } from '../../lib/guest/machine-config';
import { bootBrowserSecondVm, loadBrowserSecondVmFiles } from '../../lib/guest/browser';
import { secondVmPanicked, vmCostMb, type SecondVm, type SecondVmFiles, type VmKind } from '../../lib/guest/second-vm';
import { containerMemoryMb, identities, panicHost, scaleContainers, timeContainerRun, type Host, type Identity } from './host-probe';
import { maxVms, plannedUseMb, tabMemory, type Side, type TabMemory, type Timing } from './measure';
import { secondVmMachine } from './second-vm.machine';

export interface VmIdentity { kernel: string; bootId: string; processes: number }
export interface ScaleResult { n: number; kind: VmKind; containers: { ms: number; memoryMb: number }; vms: { ms: number; memoryMb: number } }
export interface ContainerDetail { firstMs: number; steadyMs: number; warmupRuns: number }

/** How much of the VM's console end a panic message is looked for in (it arrives a character at a time). */
const PANIC_TAIL = 256;

/** The host's machine in the tab: its RAM and its VGA memory. */
const HOST_MACHINE_MB = GUEST_MEMORY_MB + GUEST_VGA_MB;

/** The words a timing is labelled with (the page's language). */
export interface BarWords {
  boot: (kind: VmKind) => string; run: (warmupRuns: number) => string; firstRun: string;
  scaleVms: (n: number, kind: VmKind) => string; scaleContainers: (n: number) => string;
  hostClock: string; guestClock: string; jitCold: string;
  tooMany: (n: number, kind: VmKind, limit: number) => string;
}

export class VmCompare {
  timings = $state.raw<Timing[]>([]);
  /** the OS the next boot (and the scale-out) uses: the Linux VM unless the student picks DockOS */
  kind = $state<VmKind>('linux');
  vmState = $state<string>('idle');
  vmError = $state<string | null>(null);
  vm = $state.raw<SecondVm | null>(null);
  vmLog = $state('');
  vmIdentity = $state.raw<VmIdentity | null>(null);
  hostIdentity = $state.raw<{ host: Identity; container: Identity } | null>(null);
  containerMb = $state<number | null>(null);
  container = $state.raw<ContainerDetail | null>(null);
  scale = $state.raw<ScaleResult | null>(null);
  memory = $state.raw<TabMemory | null>(null);
  /** the second VM's answer after the host panicked (it kept running) */
  survivor = $state<string | null>(null);
  busy = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly #actor;
  readonly #files = new Map<VmKind, Promise<SecondVmFiles>>();
  #offLog: (() => void) | null = null;
  #seq = 0;

  constructor(private readonly host: () => Host | null, private readonly words: () => BarWords) {
    this.#actor = createActor(secondVmMachine.provide({
      actors: { bootVm: fromPromise(() => this.#timedBoot(this.kind)) },
    }));
    this.#actor.subscribe((snapshot) => {
      this.vmState = String(snapshot.value);
      this.vmError = snapshot.context.error;
      if (snapshot.context.vm !== this.vm) this.#watch(snapshot.context.vm);
    });
    this.#actor.start();
  }

  /** the last finished timing of a side ('vm' boot of any kind, 'container' steady run) */
  last(side: Side): Timing | null {
    return this.#lastWith(side === 'vm' ? 'boot-' : 'run-');
  }

  /** the last finished boot of one kind of VM */
  lastBoot(kind: VmKind): Timing | null {
    return this.#lastWith(`boot-${kind}-`);
  }

  /** How many VMs of the chosen kind the tab can still hold (its memory budget, measure.ts). */
  get scaleLimit(): number {
    const machinesMb = HOST_MACHINE_MB + (this.vm ? vmCostMb(this.vm.kind) : 0);
    return maxVms(plannedUseMb(this.memory, machinesMb), vmCostMb(this.kind));
  }

  /** Boots a new second machine (the old one is switched off first), of `kind` or the chosen one. */
  bootVm(kind: VmKind = this.kind): void {
    this.kind = kind;
    this.#actor.send({ type: 'vm.boot' });
  }

  /** `docker run --rm busybox true` on the host, timed in the guest (first run, warm-up, steady); then one container's memory. */
  async startContainer(): Promise<void> {
    await this.#task('container', async (host) => {
      const w = this.words();
      this.timings = this.timings.filter((x) => !x.key.startsWith('first-'));
      const t = this.#begin('run', 'container', w.run(0), w.guestClock);
      const run = await timeContainerRun(host);
      // the first run, before the steady one: measured in the same batch, shown as its own bar
      const first = this.#begin('first', 'container', w.firstRun, `${w.guestClock} · ${w.jitCold}`);
      this.timings = [...this.timings.filter((x) => x !== first && x !== t), first, t];
      this.#end(first, run.firstMs);
      this.#end(t, run.ms, w.run(run.warmupRuns));
      this.container = { firstMs: run.firstMs, steadyMs: run.ms, warmupRuns: run.warmupRuns };
      this.containerMb = await containerMemoryMb(host);
    });
  }

  async compareKernels(): Promise<void> {
    await this.#task('kernels', async (host) => {
      this.hostIdentity = await identities(host);
      const vm = this.vm;
      if (vm && this.vmState === 'running') this.vmIdentity = await vm.identify();
    });
  }

  /** N containers one after the other vs N VMs of the chosen kind one after the other (each a new machine, switched off after). */
  async scaleOut(n: number): Promise<void> {
    const kind = this.kind;
    const limit = this.scaleLimit;
    if (n > limit) {
      this.error = this.words().tooMany(n, kind, limit);
      return;
    }
    await this.#task('scale', async (host) => {
      const w = this.words();
      const tc = this.#begin(`scale-c${n}`, 'container', w.scaleContainers(n), w.guestClock);
      const containers = await scaleContainers(host, n);
      this.#end(tc, containers.ms);
      const files = await this.#loadFiles(kind);
      const tv = this.#begin(`scale-v${n}`, 'vm', w.scaleVms(n, kind), w.hostClock);
      const vms: SecondVm[] = [];
      try {
        for (let i = 0; i < n; i++) vms.push(await bootBrowserSecondVm(files));
        this.#end(tv, performance.now() - tv.startedAt);
        this.memory = await tabMemory();
      } finally {
        await Promise.all(vms.map((vm) => vm.destroy()));
      }
      this.scale = { n, kind, containers, vms: { ms: tv.ms ?? 0, memoryMb: n * vmCostMb(kind) } };
    });
  }

  /** Crashes the host's kernel from a privileged container; the page's emulator machine sees the panic. */
  panic(): void {
    const host = this.host();
    if (!host) return;
    this.survivor = null;
    panicHost(host);
  }

  /** After the host died: does the other machine still answer? */
  async askSurvivor(): Promise<void> {
    const vm = this.vm;
    if (!vm || this.vmState !== 'running') return;
    try {
      this.survivor = await vm.ask('uptime');
    } catch (error) {
      this.survivor = null;
      this.error = (error as Error).message;
    }
  }

  async refreshMemory(): Promise<void> {
    this.memory = await tabMemory();
  }

  dispose(): void {
    this.#offLog?.();
    this.#actor.send({ type: 'vm.stop' });
  }

  async #timedBoot(kind: VmKind): Promise<SecondVm> {
    const files = await this.#loadFiles(kind);
    const t = this.#begin(`boot-${kind}`, 'vm', this.words().boot(kind), this.words().hostClock);
    try {
      const vm = await bootBrowserSecondVm(files);
      this.#end(t, vm.timings.promptMs);
      this.memory = await tabMemory();
      return vm;
    } catch (error) {
      this.timings = this.timings.filter((x) => x !== t);
      throw error;
    }
  }

  #loadFiles(kind: VmKind): Promise<SecondVmFiles> {
    let files = this.#files.get(kind);
    if (!files) {
      files = loadBrowserSecondVmFiles(kind).catch((error) => { this.#files.delete(kind); throw error; });
      this.#files.set(kind, files);
    }
    return files;
  }

  #lastWith(prefix: string): Timing | null {
    return [...this.timings].reverse().find((t) => t.key.startsWith(prefix) && t.ms !== null) ?? null;
  }

  #watch(vm: SecondVm | null): void {
    this.#offLog?.();
    this.vm = vm;
    this.vmIdentity = null;
    this.vmLog = vm?.output() ?? '';
    // the VM's own transcript (its last 16 KiB), not a shorter copy: a 4000-character copy lost
    // the kernel's first lines ("Linux version 6.1 …") when the page watched from the start
    this.#offLog = vm?.onOutput(() => {
      this.vmLog = vm.output();
      // the panic line, as its last character arrives, is within the transcript's tail
      if (secondVmPanicked(vm.kind, this.vmLog.slice(-PANIC_TAIL))) this.#actor.send({ type: 'vm.panicked' });
    }) ?? null;
  }

  #begin(key: string, side: Side, label: string, source: string): Timing {
    const t: Timing = { key: `${key}-${++this.#seq}`, side, label, ms: null, startedAt: performance.now(), source };
    this.timings = [...this.timings.filter((x) => !x.key.startsWith(`${key}-`)), t];
    return t;
  }

  #end(t: Timing, ms: number, label = t.label): void {
    const done = { ...t, ms: Math.round(ms), label };
    this.timings = this.timings.map((x) => (x === t ? done : x));
    Object.assign(t, done);
  }

  async #task(name: string, run: (host: Host) => Promise<void>): Promise<void> {
    const host = this.host();
    if (!host || this.busy) return;
    this.busy = name;
    this.error = null;
    try {
      await run(host);
    } catch (error) {
      this.error = (error as Error).message;
      this.timings = this.timings.filter((t) => t.ms !== null);
    } finally {
      this.busy = null;
    }
  }
}
