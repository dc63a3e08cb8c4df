// Every user-visible string of the pictures, in English and Korean; components take a `lang`
// prop and read `labels[lang]`, so a translation is one object, not a hunt through markup.
export type Lang = 'en' | 'ko';

export interface VizLabels {
  panel: { title: string; waiting: string; error: string; refresh: string; tabs: Record<'namespaces' | 'layers' | 'volumes' | 'network' | 'lifecycle' | 'xray' | 'build', string> };
  namespaces: {
    title: string; host: string; container: string; unknown: string; pidNs: string; hostPid: string; pidInside: string;
    ownNs: string; sharedNs: string; processes: (n: number) => string;
  };
  layers: {
    title: string; image: string; layer: string; shared: (n: number) => string; sharedHere: string; writable: string;
    upper: string; createdBy: string; size: string; noImages: string; changes: Record<'A' | 'C' | 'D', string>;
    fresh: string; truncated: string; more: (n: number, truncated: boolean) => string;
  };
  volumes: {
    title: string; none: string; withoutMounts: (n: number) => string;
    groups: Record<'volume' | 'anonymous' | 'bind' | 'tmpfs', string>;
    rw: string; ro: string; readonly: string; readwrite: string;
    mount: (container: string, path: string, mode: string, source: string) => string;
    container: (name: string, state: string, n: number) => string;
    source: (kind: string, name: string, path: string, users: string[]) => string;
    unused: string; inMemory: string;
  };
  network: {
    title: string; vm: (netns: string) => string; outside: string;
    bridge: (name: string, bridge: string, subnet: string, gateway: string, n: number) => string;
    veth: (veth: string, bridge: string, container: string) => string;
    endpoint: (container: string, ip: string, network: string, mac: string, names: string[]) => string;
    container: (name: string, n: number) => string;
    port: (hostIp: string, hostPort: number, container: string, containerPort: number, protocol: string) => string;
    host: string; none: string; noNetworks: string;
    /** the VM's own devices, the no-uplink note (two lines) */
    vmIfs: string; vmIf: (name: string, operstate: string, rx: number, tx: number) => string; noUplink: [string, string];
    /** the last command's packet path */
    path: (steps: string[]) => string; steps: Record<'dns' | 'veth' | 'bridge' | 'nat' | 'vm', string>;
    hotVeth: (rx: number, tx: number) => string; hotIf: (rx: number, tx: number) => string; hotBridge: (own: { rx: number; tx: number } | null) => string;
    nat: (packets: number) => string;
    dns: (client: string, server: string, answer: string, gone: boolean) => string;
  };
  lifecycle: {
    title: string; states: Record<string, string>; transition: (from: string, to: string, n: number) => string;
    container: (name: string, state: string) => string; pathOf: string; noContainers: string;
    /** the docker verb of each transition, by `from>to` */
    verbs: Record<string, string>;
  };
  xray: {
    title: (command: string) => string; background: string; none: string; total: (ms: string) => string;
    dropped: (n: number) => string; step: (op: string, detail: string, ms: string, at: string) => string; by: Record<'daemon' | 'launcher', string>;
  };
  build: {
    title: string; none: string; status: Record<'running' | 'base' | 'cached' | 'layer' | 'config' | 'failed', string>;
    step: (n: number, of: number, line: number) => string; running: (seen: number, of: number) => string;
    built: (id: string) => string; failed: (line: number) => string;
  };
}

const en: VizLabels = {
  panel: {
    title: 'Live pictures', waiting: 'waiting for the engine…', error: 'The engine did not answer', refresh: 'Refresh',
    tabs: { namespaces: 'Namespaces', layers: 'Layers', volumes: 'Volumes', network: 'Network', lifecycle: 'Lifecycle', xray: 'X-ray', build: 'Build' },
  },
  namespaces: {
    title: 'Processes grouped by their PID namespace', host: 'the VM (initial namespaces)', container: 'container',
    unknown: 'namespace unreadable', pidNs: 'pid namespace', hostPid: 'host pid', pidInside: 'pid inside',
    ownNs: 'own namespaces', sharedNs: 'shared with the VM', processes: (n) => `${n} process${n === 1 ? '' : 'es'}`,
  },
  layers: {
    title: 'Images as stacks of read-only layers, containers on top', image: 'image', layer: 'layer',
    shared: (n) => `shared by ${n} images`, sharedHere: 'same layer, stored once', writable: 'writable layer',
    upper: 'upper dir', createdBy: 'created by', size: 'size', noImages: 'no images yet',
    changes: { A: 'added', C: 'copied up', D: 'whiteout (deleted)' },
    fresh: 'new since the last command', truncated: 'the engine listed only the first 200 paths',
    more: (n, truncated) => `+${n}${truncated ? '+' : ''} more`,
  },
  volumes: {
    title: 'Where each container\'s mounts keep their data', none: 'no volumes or mounts yet: try docker volume create, or docker run -v',
    withoutMounts: (n) => `${n} container${n === 1 ? '' : 's'} without mounts not shown`,
    groups: { volume: 'volumes (outlive containers)', anonymous: 'anonymous volumes', bind: 'the VM\'s paths (bind mounts)', tmpfs: 'tmpfs (in memory)' },
    rw: 'rw', ro: 'ro', readonly: 'read-only', readwrite: 'read-write',
    mount: (container, path, mode, source) => `${container}: ${path} (${mode}) ← ${source}`,
    container: (name, state, n) => `container ${name} (${state}) · ${n} mount${n === 1 ? '' : 's'}`,
    source: (kind, name, path, users) => `${kind}: ${name}${path ? `\nin the VM at ${path}` : ''}\n${users.length ? `mounted by ${users.join(', ')}` : 'not mounted by any container'}`,
    unused: 'unused', inMemory: 'in memory, gone when the container stops',
  },
  network: {
    title: 'Bridges, veth pairs and addresses in the VM', vm: (netns) => `the VM (host) · network namespace ${netns}`,
    outside: 'no uplink',
    bridge: (name, bridge, subnet, gateway, n) => `network ${name}: Linux bridge ${bridge}, subnet ${subnet}, gateway ${gateway} (the VM's address on it) · ${n} container${n === 1 ? '' : 's'}`,
    veth: (veth, bridge, container) => `veth pair: ${veth} (port of ${bridge}) ↔ eth in ${container}`,
    endpoint: (container, ip, network, mac, names) => `${container} on ${network}: ${ip}, MAC ${mac}${names.length ? `\nother containers find it as ${names.join(', ')}` : ''}`,
    container: (name, n) => `container ${name} · ${n} network${n === 1 ? '' : 's'}`,
    port: (hostIp, hostPort, container, containerPort, protocol) => `published: the VM's ${hostIp}:${hostPort} → ${container}:${containerPort}/${protocol} (DNAT)`,
    host: '--network host: the VM\'s own network namespace', none: '--network none: loopback only',
    noNetworks: 'no bridge networks',
    vmIfs: "the VM's own interfaces",
    vmIf: (name, operstate, rx, tx) => `${name} (${operstate}): the VM's own device, ${rx} packets received, ${tx} sent since boot`,
    noUplink: ['no uplink: the VM has no network card (v86 is given none),', 'so published ports are reached from inside the VM (localhost, the Browser tab)'],
    path: (steps) => `last command's packets: ${steps.join(' → ')}`,
    steps: { dns: 'DNS answer', veth: 'veth', bridge: 'bridge', nat: 'NAT', vm: 'VM' },
    hotVeth: (rx, tx) => `\nlast command: ${rx} packet${rx === 1 ? '' : 's'} from the container, ${tx} to it`,
    hotIf: (rx, tx) => `\nlast command: ${rx} packet${rx === 1 ? '' : 's'} received, ${tx} sent`,
    hotBridge: (own) => `\nlast command: packets crossed this bridge${own ? ` (${own.rx} to the VM, ${own.tx} from it)` : ' between its ports'}`,
    nat: (n) => `\nlast command: ${n} connection${n === 1 ? '' : 's'} DNAT'ed by this rule`,
    dns: (client, server, answer, gone) => `DNS: ${client}${gone ? ' (a container gone since)' : ''} asked the engine's server at ${server}: ${answer}`,
  },
  lifecycle: {
    title: 'Container lifecycle', noContainers: 'no containers yet', pathOf: 'path taken',
    states: { created: 'created', running: 'running', paused: 'paused', restarting: 'restarting', exited: 'exited', removed: 'removed' },
    transition: (from, to, n) => `${from} → ${to}${n ? ` (taken ${n}×)` : ''}`,
    container: (name, state) => `${name}: ${state}`,
    verbs: {
      'created>running': 'start', 'created>removed': 'rm', 'running>paused': 'pause', 'paused>running': 'unpause',
      'running>exited': 'stop / exit', 'running>restarting': 'exit, policy', 'restarting>running': 'restart',
      'restarting>exited': 'give up', 'exited>running': 'start', 'exited>removed': 'rm', 'running>removed': 'rm -f', 'paused>exited': 'kill',
    },
  },
  xray: {
    title: (command) => `X-ray of: ${command}`, background: 'background work', none: 'run a docker command to see its kernel steps',
    total: (ms) => `total ${ms}`, dropped: (n) => `${n} more steps not shown`,
    step: (op, detail, ms, at) => `${op} ${detail}: ${ms}, started at ${at}`,
    by: { daemon: 'daemon', launcher: 'launcher' },
  },
  build: {
    title: 'docker build, one Dockerfile step at a time: layers stack up from the base image',
    none: 'No build yet: write a Dockerfile and press Build, or run docker build in the terminal',
    status: { running: 'running…', base: 'the base image', cached: 'layer from the build cache', layer: 'new layer', config: 'config only, no layer', failed: 'failed here' },
    step: (n, of, line) => `Step ${n}/${of}, Dockerfile line ${line}`,
    running: (seen, of) => `building: step ${seen} of ${of}`,
    built: (id) => `built image ${id}`,
    failed: (line) => `the build failed at Dockerfile:${line}`,
  },
};

const ko: VizLabels = {
  panel: {
    title: '실시간 그림', waiting: '엔진을 기다리는 중…', error: '엔진이 응답하지 않았습니다', refresh: '새로 고침',
    tabs: { namespaces: '네임스페이스', layers: '레이어', volumes: '볼륨', network: '네트워크', lifecycle: '생명주기', xray: '엑스레이', build: '빌드' },
  },
  namespaces: {
    title: 'PID 네임스페이스별로 묶은 프로세스', host: 'VM (초기 네임스페이스)', container: '컨테이너',
    unknown: '네임스페이스를 읽을 수 없음', pidNs: 'pid 네임스페이스', hostPid: '호스트 pid', pidInside: '내부 pid',
    ownNs: '자기 네임스페이스', sharedNs: 'VM과 공유', processes: (n) => `프로세스 ${n}개`,
  },
  layers: {
    title: '읽기 전용 레이어를 쌓은 이미지와 그 위의 컨테이너', image: '이미지', layer: '레이어',
    shared: (n) => `이미지 ${n}개가 공유`, sharedHere: '같은 레이어, 한 번만 저장', writable: '쓰기 가능 레이어',
    upper: 'upper 디렉터리', createdBy: '만든 명령', size: '크기', noImages: '아직 이미지가 없습니다',
    changes: { A: '추가됨', C: '복사됨(copy-up)', D: '화이트아웃(삭제)' },
    fresh: '지난 명령 이후 새로 바뀜', truncated: '엔진이 처음 200개 경로만 보냈습니다',
    more: (n, truncated) => `외 ${n}${truncated ? '+' : ''}개`,
  },
  volumes: {
    title: '컨테이너의 마운트가 데이터를 두는 곳', none: '아직 볼륨이나 마운트가 없습니다: docker volume create 또는 docker run -v 를 해 보세요',
    withoutMounts: (n) => `마운트가 없는 컨테이너 ${n}개는 생략`,
    groups: { volume: '볼륨 (컨테이너보다 오래 남음)', anonymous: '익명 볼륨', bind: 'VM의 경로 (바인드 마운트)', tmpfs: 'tmpfs (메모리)' },
    rw: 'rw', ro: 'ro', readonly: '읽기 전용', readwrite: '읽기·쓰기',
    mount: (container, path, mode, source) => `${container}: ${path} (${mode}) ← ${source}`,
    container: (name, state, n) => `컨테이너 ${name} (${state}) · 마운트 ${n}개`,
    source: (kind, name, path, users) => `${kind}: ${name}${path ? `\nVM 안의 위치 ${path}` : ''}\n${users.length ? `마운트한 컨테이너: ${users.join(', ')}` : '마운트한 컨테이너 없음'}`,
    unused: '사용 안 함', inMemory: '메모리에 있음, 컨테이너가 멈추면 사라짐',
  },
  network: {
    title: 'VM 안의 브리지, veth 쌍, 주소', vm: (netns) => `VM (호스트) · 네트워크 네임스페이스 ${netns}`,
    outside: '업링크 없음',
    bridge: (name, bridge, subnet, gateway, n) => `네트워크 ${name}: 리눅스 브리지 ${bridge}, 서브넷 ${subnet}, 게이트웨이 ${gateway} (VM의 주소) · 컨테이너 ${n}개`,
    veth: (veth, bridge, container) => `veth 쌍: ${veth} (${bridge}의 포트) ↔ ${container} 안의 eth`,
    endpoint: (container, ip, network, mac, names) => `${container} · ${network}: ${ip}, MAC ${mac}${names.length ? `\n다른 컨테이너가 찾는 이름: ${names.join(', ')}` : ''}`,
    container: (name, n) => `컨테이너 ${name} · 네트워크 ${n}개`,
    port: (hostIp, hostPort, container, containerPort, protocol) => `공개 포트: VM의 ${hostIp}:${hostPort} → ${container}:${containerPort}/${protocol} (DNAT)`,
    host: '--network host: VM 자신의 네트워크 네임스페이스', none: '--network none: 루프백만',
    noNetworks: '브리지 네트워크 없음',
    vmIfs: 'VM 자신의 인터페이스',
    vmIf: (name, operstate, rx, tx) => `${name} (${operstate}): VM 자신의 장치, 부팅 후 받은 패킷 ${rx}개, 보낸 패킷 ${tx}개`,
    noUplink: ['업링크 없음: VM에는 네트워크 카드가 없습니다 (v86에 주지 않음).', '그래서 공개 포트는 VM 안에서 접속합니다 (localhost, 브라우저 탭)'],
    path: (steps) => `마지막 명령의 패킷: ${steps.join(' → ')}`,
    steps: { dns: 'DNS 응답', veth: 'veth', bridge: '브리지', nat: 'NAT', vm: 'VM' },
    hotVeth: (rx, tx) => `\n마지막 명령: 컨테이너에서 온 패킷 ${rx}개, 컨테이너로 간 패킷 ${tx}개`,
    hotIf: (rx, tx) => `\n마지막 명령: 받은 패킷 ${rx}개, 보낸 패킷 ${tx}개`,
    hotBridge: (own) => `\n마지막 명령: 패킷이 이 브리지를 지남${own ? ` (VM으로 ${own.rx}개, VM에서 ${own.tx}개)` : ' (포트 사이)'}`,
    nat: (n) => `\n마지막 명령: 이 규칙이 DNAT한 연결 ${n}개`,
    dns: (client, server, answer, gone) => `DNS: ${client}${gone ? ' (지금은 없는 컨테이너)' : ''}가 엔진의 서버 ${server}에 물음: ${answer}`,
  },
  lifecycle: {
    title: '컨테이너 생명주기', noContainers: '아직 컨테이너가 없습니다', pathOf: '거쳐 온 경로',
    states: { created: '생성됨', running: '실행 중', paused: '일시 정지', restarting: '재시작 중', exited: '종료됨', removed: '삭제됨' },
    transition: (from, to, n) => `${from} → ${to}${n ? ` (${n}번)` : ''}`,
    container: (name, state) => `${name}: ${state}`,
    verbs: {
      'created>running': 'start', 'created>removed': 'rm', 'running>paused': 'pause', 'paused>running': 'unpause',
      'running>exited': 'stop / 종료', 'running>restarting': '종료, 재시작 정책', 'restarting>running': '재시작',
      'restarting>exited': '포기', 'exited>running': 'start', 'exited>removed': 'rm', 'running>removed': 'rm -f', 'paused>exited': 'kill',
    },
  },
  xray: {
    title: (command) => `엑스레이: ${command}`, background: '백그라운드 작업', none: 'docker 명령을 실행하면 커널 단계가 보입니다',
    total: (ms) => `전체 ${ms}`, dropped: (n) => `표시하지 않은 단계 ${n}개`,
    step: (op, detail, ms, at) => `${op} ${detail}: ${ms}, 시작 ${at}`,
    by: { daemon: '데몬', launcher: '런처' },
  },
  build: {
    title: 'docker build, Dockerfile 한 단계씩: 베이스 이미지 위로 레이어가 쌓여요',
    none: '아직 빌드가 없어요: Dockerfile을 쓰고 빌드를 누르거나, 터미널에서 docker build를 실행해 보세요',
    status: { running: '실행 중…', base: '베이스 이미지', cached: '빌드 캐시에서 가져온 레이어', layer: '새 레이어', config: '설정만 바뀜, 레이어 없음', failed: '여기서 실패' },
    step: (n, of, line) => `${of}단계 중 ${n}단계, Dockerfile ${line}번째 줄`,
    running: (seen, of) => `빌드 중: ${of}단계 중 ${seen}단계`,
    built: (id) => `이미지 ${id} 완성`,
    failed: (line) => `Dockerfile:${line}에서 빌드가 실패했어요`,
  },
};

export const labels: Record<Lang, VizLabels> = { en, ko };
