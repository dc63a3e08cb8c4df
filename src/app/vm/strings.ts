// The VM page's words, in English and Korean (the rest of the app's are in ../i18n.ts).
import type { VmKind } from '../../lib/guest/second-vm';
import type { Language } from '../i18n';
import { TAB_BUDGET_MB } from './measure';

/** How the page names and describes each kind of second VM. */
interface KindWords { name: string; about: string; kernel: string; processes: string; console: string }

const enKinds: Record<VmKind, KindWords> = {
  linux: {
    name: 'Linux 6.1',
    about: "a full Linux kernel (6.1, from Debian's linux-source-6.1, not the host's 6.12) and busybox: a realistic VM",
    kernel: 'Linux 6.1 kernel', processes: 'init + a shell', console: 'Linux VM serial console',
  },
  dockos: {
    name: 'DockOS',
    about: 'a tiny OS of our own (4 KB, not Linux): a different OS, booting in a blink',
    kernel: 'DockOS kernel', processes: '1 process (its shell)', console: 'DockOS serial console',
  },
};

const en = {
  title: 'A VM next to the containers',
  intro: 'Two ways to isolate programs, measured side by side in this tab. Containers share the one Linux kernel on the right. A VM is a machine of its own: its own BIOS, its own kernel, its own memory, emulated by v86.',
  kinds: enKinds,
  chooseVm: 'The VM to boot',
  vmStack: 'Virtual machine',
  containerStack: 'Containers',
  browser: 'browser tab (the host)',
  hypervisor: 'v86: the hypervisor',
  virtualHw: 'virtual CPU · memory · disk · NIC',
  hostKernel: 'one Linux kernel',
  engine: 'container engine (dockhandd)',
  containers: 'containers = processes',
  startContainer: 'Start a container',
  bootVm: 'Boot a VM',
  bootAgain: 'Boot a new VM',
  compareKernels: 'Compare kernels',
  timings: 'Time to a running program',
  ratio: (r: string, name: string) => `a VM boot (${name}) took ${r}× a container start (steady)`,
  containerDetail: (first: number, steady: number, warmup: number) =>
    `docker run --rm busybox true: the first run took ${first} ms, most of it v86 compiling the guest's code to wasm (that cache is not in the saved machine state); after ${warmup} warm-up runs it settled at ${steady} ms, the engine's own cost. The ratio uses the steady time.`,
  memory: 'Memory',
  vmMemory: (mb: number, name: string) => `VM (${name}): ${mb} MB reserved up front (its RAM and video memory)`,
  containerMemory: (mb: number) => `container: ${mb} MB (its cgroup's memory.current)`,
  tab: (mb: number, what: string) => `this tab: ${mb} MB (${what})`,
  identity: 'Which kernel?',
  who: 'asked from',
  kernel: 'kernel (uname -r)',
  bootId: 'boot id',
  processes: 'processes it sees',
  hostRow: 'the container host (Linux VM)',
  containerRow: 'a container',
  vmRow: (name: string) => `the second VM (${name})`,
  scaleTitle: 'Scale out',
  scaleButton: (n: number, name: string) => `Start ${n} containers vs boot ${n} VMs (${name})`,
  scaleResult: (n: number, cMs: number, cMb: number, vMs: number, vMb: number, name: string) =>
    `${n} containers: ${cMs} ms, ${cMb} MB · ${n} VMs (${name}): ${vMs} ms, ${vMb} MB`,
  scaleLimit: (n: number) => `up to ${n} (what the tab's memory allows)`,
  panicTitle: 'Crash the host kernel',
  panicExplain: 'A privileged container can write to /proc/sysrq-trigger: "c" makes the kernel panic. Every container on that kernel dies with it. The other VM has its own kernel.',
  panicButton: 'Panic the host from a container',
  hostDown: 'The host kernel is down: every container is gone.',
  survivorOk: (answer: string) => `The second VM still answers: ${answer}`,
  askSurvivor: 'Ask the second VM',
  resetHost: 'Reset the host',
  resetting: 'Resetting…',
  resetIn: (s: string) => `host back from its checkpoint in ${s} s`,
  vmFailed: 'The second VM did not boot',
  bootedDockos: (host: number, init: number, firmware: number | null) =>
    `host clock: ${host} ms to the prompt · DockOS's own clock: ${init} ms kernel init${firmware === null ? '' : `, entered ${firmware} ms after power-on`}`,
  bootedLinux: (host: number, firstByte: number, init: number | null, shell: number) =>
    `host clock: ${host} ms to the prompt (first console byte at ${firstByte} ms) · the kernel's own clock: ${init === null ? '' : `/init started at ${init} ms, `}banner at ${shell} ms`,
  busy: 'measuring…',
  warming: 'measuring… (warming up the emulator first: a minute at most)',
  error: 'Something went wrong',
  back: '← Course',
  bars: {
    boot: (kind: VmKind) => `VM boot: ${enKinds[kind].name}`,
    run: (warmup: number) => (warmup ? `docker run: steady (${warmup} warm-ups)` : 'docker run: warming up…'),
    firstRun: 'docker run: first run',
    scaleVms: (n: number, kind: VmKind) => `${n} VM boots (${enKinds[kind].name})`,
    scaleContainers: (n: number) => `${n} × docker run -d`, hostClock: 'host clock: start → prompt', guestClock: 'guest clock: qjs os.now()',
    jitCold: 'v86 still compiling the guest code to wasm',
    tooMany: (n: number, kind: VmKind, limit: number) =>
      `Refused: ${n} more VMs (${enKinds[kind].name}) would not fit in this tab's ${TAB_BUDGET_MB} MB budget; at most ${limit}.`,
  },
};

export type VmStrings = typeof en;

const koKinds: Record<VmKind, KindWords> = {
  linux: {
    name: 'Linux 6.1',
    about: '완전한 리눅스 커널 (데비안 linux-source-6.1의 6.1, 호스트의 6.12와 다른 커널)과 busybox: 현실적인 VM',
    kernel: 'Linux 6.1 커널', processes: 'init + 셸', console: '리눅스 VM 시리얼 콘솔',
  },
  dockos: {
    name: 'DockOS',
    about: '직접 만든 아주 작은 OS (4 KB, 리눅스가 아님): 다른 OS, 눈 깜짝할 새 부팅',
    kernel: 'DockOS 커널', processes: '프로세스 1개 (셸)', console: 'DockOS 시리얼 콘솔',
  },
};

const ko: VmStrings = {
  title: '컨테이너 옆의 가상 머신',
  intro: '프로그램을 격리하는 두 가지 방법을 이 탭 안에서 나란히 재 봅니다. 컨테이너는 오른쪽의 리눅스 커널 하나를 함께 씁니다. 가상 머신은 따로 된 머신이에요: 자기 BIOS, 자기 커널, 자기 메모리를 v86이 에뮬레이션합니다.',
  kinds: koKinds,
  chooseVm: '부팅할 VM',
  vmStack: '가상 머신',
  containerStack: '컨테이너',
  browser: '브라우저 탭 (호스트)',
  hypervisor: 'v86: 하이퍼바이저',
  virtualHw: '가상 CPU · 메모리 · 디스크 · NIC',
  hostKernel: '리눅스 커널 하나',
  engine: '컨테이너 엔진 (dockhandd)',
  containers: '컨테이너 = 프로세스',
  startContainer: '컨테이너 시작',
  bootVm: 'VM 부팅',
  bootAgain: '새 VM 부팅',
  compareKernels: '커널 비교',
  timings: '프로그램이 돌기까지 걸린 시간',
  ratio: (r, name) => `VM 부팅(${name})이 컨테이너 시작(안정 상태)보다 ${r}배 오래 걸렸어요`,
  containerDetail: (first, steady, warmup) =>
    `docker run --rm busybox true: 첫 실행은 ${first} ms — 대부분 v86이 게스트 코드를 wasm으로 컴파일하는 시간이에요 (그 캐시는 저장된 머신 상태에 없어요). 워밍업 ${warmup}번 뒤에는 ${steady} ms로 안정됐어요: 엔진 자체의 비용이죠. 배율은 안정된 시간으로 계산해요.`,
  memory: '메모리',
  vmMemory: (mb, name) => `VM (${name}): ${mb} MB를 미리 확보 (RAM과 비디오 메모리)`,
  containerMemory: (mb) => `컨테이너: ${mb} MB (cgroup의 memory.current)`,
  tab: (mb, what) => `이 탭: ${mb} MB (${what})`,
  identity: '어느 커널인가요?',
  who: '물어본 곳',
  kernel: '커널 (uname -r)',
  bootId: '부팅 ID',
  processes: '보이는 프로세스 수',
  hostRow: '컨테이너 호스트 (리눅스 VM)',
  containerRow: '컨테이너',
  vmRow: (name) => `두 번째 VM (${name})`,
  scaleTitle: '여러 개 띄우기',
  scaleButton: (n, name) => `컨테이너 ${n}개 시작 vs VM ${n}개 부팅 (${name})`,
  scaleResult: (n, cMs, cMb, vMs, vMb, name) => `컨테이너 ${n}개: ${cMs} ms, ${cMb} MB · VM ${n}개 (${name}): ${vMs} ms, ${vMb} MB`,
  scaleLimit: (n) => `최대 ${n}개 (탭 메모리가 허락하는 만큼)`,
  panicTitle: '호스트 커널 죽이기',
  panicExplain: '특권 컨테이너는 /proc/sysrq-trigger에 쓸 수 있어요: "c"를 쓰면 커널이 패닉합니다. 그 커널 위의 모든 컨테이너가 함께 죽어요. 다른 VM은 자기 커널이 있어요.',
  panicButton: '컨테이너에서 호스트를 패닉시키기',
  hostDown: '호스트 커널이 멈췄어요: 컨테이너가 모두 사라졌어요.',
  survivorOk: (answer) => `두 번째 VM은 여전히 대답해요: ${answer}`,
  askSurvivor: '두 번째 VM에 물어보기',
  resetHost: '호스트 초기화',
  resetting: '초기화 중…',
  resetIn: (s) => `체크포인트에서 ${s}초 만에 호스트 복구`,
  vmFailed: '두 번째 VM이 부팅하지 못했어요',
  bootedDockos: (host, init, firmware) =>
    `호스트 시계: 프롬프트까지 ${host} ms · DockOS 자신의 시계: 커널 초기화 ${init} ms${firmware === null ? '' : `, 전원을 켠 지 ${firmware} ms 뒤 진입`}`,
  bootedLinux: (host, firstByte, init, shell) =>
    `호스트 시계: 프롬프트까지 ${host} ms (콘솔 첫 바이트 ${firstByte} ms) · 커널 자신의 시계: ${init === null ? '' : `/init 시작 ${init} ms, `}배너 ${shell} ms`,
  busy: '재는 중…',
  warming: '재는 중… (먼저 에뮬레이터를 워밍업해요: 길어야 1분)',
  error: '문제가 생겼어요',
  back: '← 코스',
  bars: {
    boot: (kind) => `VM 부팅: ${koKinds[kind].name}`,
    run: (warmup) => (warmup ? `docker run: 안정 (워밍업 ${warmup}번)` : 'docker run: 워밍업 중…'),
    firstRun: 'docker run: 첫 실행',
    scaleVms: (n, kind) => `VM ${n}개 부팅 (${koKinds[kind].name})`,
    scaleContainers: (n) => `${n} × docker run -d`, hostClock: '호스트 시계: 시작 → 프롬프트', guestClock: '게스트 시계: qjs os.now()',
    jitCold: 'v86이 아직 게스트 코드를 wasm으로 컴파일하는 중',
    tooMany: (n, kind, limit) => `거절: VM ${n}개(${koKinds[kind].name})를 더 띄우면 이 탭의 ${TAB_BUDGET_MB} MB 예산을 넘어요. 최대 ${limit}개.`,
  },
};

export const vmStrings: Record<Language, VmStrings> = { en, ko };
