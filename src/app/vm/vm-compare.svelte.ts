// The VM page's state: every measurement the student has made, the second VM (through its
// xstate machine), and the steps of the panic demo. Components read it; it talks to the
// machines. Timings are kept as they were measured, never from constants.
import { createActor, fromPromise } from 'xstate';
import { bootBrowserTinyVm, loadBrowserTinyVmFiles } from '../../lib/guest/browser';
import { TINY_VM_MEMORY_MB, TINY_VM_VGA_MB, type TinyVm, type TinyVmFiles } from '../../lib/guest/tiny-vm';
import { containerMemoryMb, identities, panicHost, scaleContainers, timeContainerRun, type Host, type Identity } from './host-probe';
import { tabMemory, type Side, type TabMemory, type Timing } from './measure';
import { tinyVmMachine } from './tiny-vm.machine';

export interface VmIdentity { kernel: string; bootId: string; processes: number }
export interface ScaleResult { n: number; containers: { ms: number; memoryMb: number }; vms: { ms: number; memoryMb: number } }

/** What one tiny VM costs in the tab: its RAM and its VGA memory (v86 allocates both up front). */
export const VM_COST_MB = TINY_VM_MEMORY_MB + TINY_VM_VGA_MB;

/** The words a timing is labelled with (the page's language). */
export interface BarWords { boot: string; run: string; scaleVms: (n: number) => string; scaleContainers: (n: number) => string; hostClock: string; guestClock: string }

export class VmCompare {
  timings = $state.raw<Timing[]>([]);
  vmState = $state<string>('idle');
  vmError = $state<string | null>(null);
  vm = $state.raw<TinyVm | null>(null);
  vmLog = $state('');
  vmIdentity = $state.raw<VmIdentity | null>(null);
  hostIdentity = $state.raw<{ host: Identity; container: Identity } | null>(null);
  containerMb = $state<number | null>(null);
  scale = $state.raw<ScaleResult | null>(null);
  memory = $state.raw<TabMemory | null>(null);
  /** the tiny VM's answer after the host panicked (it kept running) */
  survivor = $state<string | null>(null);
  busy = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly #actor;
  #files: Promise<TinyVmFiles> | null = null;
  #offLog: (() => void) | null = null;
  #seq = 0;

  constructor(private readonly host: () => Host | null, private readonly words: () => BarWords) {
    this.#actor = createActor(tinyVmMachine.provide({
      actors: { bootVm: fromPromise(() => this.#timedBoot()) },
    }));
    this.#actor.subscribe((snapshot) => {
      this.vmState = String(snapshot.value);
      this.vmError = snapshot.context.error;
      if (snapshot.context.vm !== this.vm) this.#watch(snapshot.context.vm);
    });
    this.#actor.start();
  }

  /** the last finished timing of a side ('vm' boot, 'container' run) */
  last(side: Side): Timing | null {
    const prefix = side === 'vm' ? 'boot-' : 'run-';
    return [...this.timings].reverse().find((t) => t.side === side && t.key.startsWith(prefix) && t.ms !== null) ?? null;
  }

  bootVm(): void {
    this.#actor.send({ type: 'vm.boot' });
  }

  /** `docker run --rm busybox true` on the host, timed in the guest; then what one container's memory is. */
  async startContainer(): Promise<void> {
    await this.#task('container', async (host) => {
      const t = this.#begin('run', 'container', this.words().run, this.words().guestClock);
      const { ms } = await timeContainerRun(host);
      this.#end(t, ms);
      this.containerMb = await containerMemoryMb(host);
    });
  }

  async compareKernels(): Promise<void> {
    await this.#task('kernels', async (host) => {
      this.hostIdentity = await identities(host);
      const vm = this.vm;
      if (vm && this.vmState === 'running') {
        const kernel = await vm.ask('uname -r');
        const bootId = await vm.ask('bootid');
        const processes = (await vm.ask('ps')).split('\n').length - 1;
        this.vmIdentity = { kernel, bootId, processes };
      }
    });
  }

  /** N containers one after the other vs N VMs one after the other (each VM a new machine, switched off after). */
  async scaleOut(n: number): Promise<void> {
    await this.#task('scale', async (host) => {
      const tc = this.#begin(`scale-c${n}`, 'container', this.words().scaleContainers(n), this.words().guestClock);
      const containers = await scaleContainers(host, n);
      this.#end(tc, containers.ms);
      const files = await this.#loadFiles();
      const tv = this.#begin(`scale-v${n}`, 'vm', this.words().scaleVms(n), this.words().hostClock);
      const vms: TinyVm[] = [];
      try {
        for (let i = 0; i < n; i++) vms.push(await bootBrowserTinyVm({ files }));
        this.#end(tv, performance.now() - tv.startedAt);
        this.memory = await tabMemory();
      } finally {
        await Promise.all(vms.map((vm) => vm.destroy()));
      }
      this.scale = { n, containers, vms: { ms: tv.ms ?? 0, memoryMb: n * VM_COST_MB } };
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

  async #timedBoot(): Promise<TinyVm> {
    const files = await this.#loadFiles();
    const t = this.#begin('boot', 'vm', this.words().boot, this.words().hostClock);
    try {
      const vm = await bootBrowserTinyVm({ files });
      this.#end(t, vm.timings.promptMs);
      this.memory = await tabMemory();
      return vm;
    } catch (error) {
      this.timings = this.timings.filter((x) => x !== t);
      throw error;
    }
  }

  #loadFiles(): Promise<TinyVmFiles> {
    this.#files ??= loadBrowserTinyVmFiles().catch((error) => { this.#files = null; throw error; });
    return this.#files;
  }

  #watch(vm: TinyVm | null): void {
    this.#offLog?.();
    this.vm = vm;
    this.vmIdentity = null;
    this.vmLog = vm?.output() ?? '';
    this.#offLog = vm?.onOutput((text) => {
      this.vmLog = (this.vmLog + text).slice(-4000);
      if (this.vmLog.includes('DockOS panic')) this.#actor.send({ type: 'vm.panicked' });
    }) ?? null;
  }

  #begin(key: string, side: Side, label: string, source: string): Timing {
    const t: Timing = { key: `${key}-${++this.#seq}`, side, label, ms: null, startedAt: performance.now(), source };
    this.timings = [...this.timings.filter((x) => !x.key.startsWith(`${key}-`)), t];
    return t;
  }

  #end(t: Timing, ms: number): void {
    const done = { ...t, ms: Math.round(ms) };
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
