// Every string of the app's own UI, in Korean and English (the pictures keep theirs in
// src/lib/viz/labels.ts, the lessons in lessons/). The language is chosen once from the
// browser, then by the student, and remembered in localStorage.
import type { Language } from '../lib/lessons/format';

export type { Language };
export const LANG_KEY = 'dockhand.lang';

export interface Strings {
  langName: string;
  switchTo: string;
  tagline: string;
  bootStatus: (restored: boolean, seconds: string) => string;
  instantStart: string;
  coldBoot: string;
  /** the header's link to the "VM vs container" page (its own words: vm/strings.ts) */
  vmPage: string;
  cannotRun: string;
  couldNotStart: string;
  tryCold: string;
  terminal: string;
  boot: { label: string; download: string; bios: string; kernel: string; init: string; restore: string; ready: string };
  course: { title: string; intro: string; steps: (passed: number, total: number) => string; done: string; start: string; resume: string; review: string };
  lesson: {
    back: string; stepOf: (n: number, total: number) => string; steps: string; run: string; typing: string; check: string; checking: string;
    passed: string; failed: string; hints: string; output: string; next: string; previous: string; finish: string;
    reset: string; resetting: string; resetIn: (seconds: string, fromBoot: boolean) => string; preparing: string;
    done: string; restart: string; error: string; passedMark: string;
  };
  crash: {
    title: string; panic: string; hang: string; reset: string; resetting: string; resetFailed: string; detail: string; resetIn: (seconds: string) => string;
  };
  /** the workbench's lower half: the pictures or the Dockerfile editor */
  bench: { views: string; pictures: string; dockerfile: string; browser: string };
  /** the VM browser: the page fetches a URL of the VM (src/app/ports) */
  browser: {
    title: string; explain: string; none: string; url: string; open: string; loading: string; frame: string;
    failed: (reason: string) => string; status: (code: number, text: string, bytes: number, ms: number) => string;
  };
  build: {
    title: string; files: string; newFile: string; rename: string; remove: string; fileName: string; ok: string; cancel: string;
    editor: (file: string) => string; image: string; imageInvalid: string; build: string; building: string; notReady: string;
    explain: string; failed: string; problems: Record<'empty' | 'invalid' | 'taken', string>;
  };
  /** instructor demo mode: the presenter window and the audience window (src/app/present) */
  present: PresentStrings;
}

export interface PresentStrings {
  switchOn: string; switchOff: string; title: string; choose: string; start: string; another: string;
  openAudience: string; audienceHint: string; audiences: (n: number) => string; noChannel: string;
  stepOf: (n: number, total: number) => string; play: string; pause: string; next: string; previous: string;
  jump: string; go: string; reset: string; entering: string; restoring: string; restoredIn: (step: number, seconds: string) => string;
  notes: string; hints: string; nextStep: string; lastStep: string; elapsed: string; onStep: string;
  blank: string; unblank: string; blanked: string; zoom: string; spotlight: string; spotlightNone: string; spotlightPick: string;
  picture: string; keys: string; error: string;
  states: {
    title: string; name: string; save: string; saving: string; restore: string; export: string; import: string; remove: string;
    empty: string; inMemory: string; imported: (name: string) => string; restoredIn: (seconds: string) => string; where: (lesson: string, step: number) => string;
    errors: { 'not-a-state': string; damaged: string; version: (version: number) => string; machine: string; read: string };
  };
  audience: { waiting: string; hint: string; label: string };
}

const en: Strings = {
  langName: 'English',
  switchTo: '한국어',
  tagline: 'A real Linux kernel, running in your browser.',
  bootStatus: (restored, s) => `${restored ? 'restored from the saved machine' : 'booted from scratch'} in ${s} s`,
  instantStart: 'Instant start',
  coldBoot: 'Boot from scratch',
  vmPage: 'VM vs container',
  cannotRun: 'This browser cannot run the virtual machine',
  couldNotStart: 'The virtual machine could not start',
  tryCold: 'Try a cold boot',
  terminal: 'Linux terminal',
  boot: { label: 'Booting the virtual machine', download: 'download', bios: 'BIOS', kernel: 'kernel', init: 'init', restore: 'restore', ready: 'ready' },
  course: {
    title: 'The course',
    intro: 'Pick a lesson. The terminal on the right is yours at any time: type anything you like.',
    steps: (passed, total) => `${passed}/${total} steps`,
    done: 'done',
    start: 'Start',
    resume: 'Continue',
    review: 'Review',
  },
  lesson: {
    back: '← All lessons',
    stepOf: (n, total) => `Step ${n} of ${total}`,
    steps: 'Steps',
    run: 'Run',
    typing: 'Typing…',
    check: 'Check',
    checking: 'Checking…',
    passed: 'Passed',
    failed: 'Not yet',
    hints: 'Hints',
    output: 'What the check found',
    next: 'Next →',
    previous: '← Previous',
    finish: 'Finish the lesson',
    reset: 'Reset this step',
    resetting: 'Resetting…',
    resetIn: (s, boot) => `reset in ${s} s${boot ? ' (to the start of the course)' : ''}`,
    preparing: 'Saving the machine for this step…',
    done: 'Lesson complete. Well done!',
    restart: 'Start the lesson again',
    error: 'Something went wrong',
    passedMark: 'passed',
  },
  crash: {
    title: 'The kernel stopped: every container stopped with it',
    panic: 'The Linux kernel hit a panic and halted. Containers are just processes on this kernel, so none of them survived.',
    hang: 'The machine stopped answering. The kernel (and every container on it) is stuck.',
    reset: 'Reset the machine',
    resetting: 'Resetting the machine…',
    resetFailed: 'The reset did not work',
    detail: 'What the kernel said',
    resetIn: (s) => `machine reset in ${s} s`,
  },
  bench: { views: 'Pictures, Dockerfile or the VM browser', pictures: 'Pictures', dockerfile: 'Dockerfile', browser: 'Browser' },
  browser: {
    title: "A browser for the VM's ports",
    explain: 'The page asks the VM for the URL (wget runs in the VM): a published port answers through the nftables rule that forwards it to the container.',
    none: 'No published ports yet: try docker run -d -p 8080:80 httpd-demo',
    url: 'URL',
    open: 'Open',
    loading: 'Loading…',
    frame: 'The page the VM answered',
    failed: (reason) => `No answer: ${reason}`,
    status: (code, text, bytes, ms) => `${code} ${text} · ${bytes} bytes · ${ms} ms`,
  },
  build: {
    title: 'Build an image from your own files',
    files: 'Files of the build context',
    newFile: 'New file',
    rename: 'Rename',
    remove: 'Delete',
    fileName: 'File name',
    ok: 'OK',
    cancel: 'Cancel',
    editor: (file) => `Contents of ${file}`,
    image: 'Image name',
    imageInvalid: 'Lower-case letters, digits, . _ - and an optional :tag, e.g. my-image:1',
    build: 'Build',
    building: 'Building…',
    notReady: 'The machine is not ready',
    explain: 'Build packs these files into a tar archive, puts it in the VM as /mnt/host/build-context.tar and types the docker build command into the terminal.',
    failed: 'Could not hand the files to the VM',
    problems: {
      empty: 'Give the file a name',
      invalid: 'Use letters, digits, . _ - and / between folders',
      taken: 'There is already a file (or folder) with that name',
    },
  },  present: {
    switchOn: 'Present',
    switchOff: 'Stop presenting',
    title: 'Presenter',
    choose: 'Choose the lesson to present. The audience window shows only the terminal and the picture, in large type.',
    start: 'Present',
    another: 'Another lesson',
    openAudience: 'Open the audience window',
    audienceHint: 'Move it to the projector and make it full screen (F11), or open #/present/audience in another tab of this browser.',
    audiences: (n) => (n === 0 ? 'no audience window yet' : `${n} audience window${n === 1 ? '' : 's'} joined`),
    noChannel: 'This browser cannot link two windows (no BroadcastChannel): the audience window will stay empty.',
    stepOf: (n, total) => `Step ${n} of ${total}`,
    play: '▶ Play',
    pause: '❚❚ Pause',
    next: 'Next →',
    previous: '← Previous',
    jump: 'Jump to step',
    go: 'Go',
    reset: 'Reset this step',
    entering: 'Saving this step…',
    restoring: 'Restoring…',
    restoredIn: (step, s) => `step ${step} restored in ${s} s`,
    notes: 'Notes',
    hints: 'Hints for the class',
    nextStep: 'Next step',
    lastStep: 'This is the last step.',
    elapsed: 'Presenting',
    onStep: 'This step',
    blank: 'Blank the screen (B)',
    unblank: 'Show the screen (B)',
    blanked: 'The audience screen is blank',
    zoom: 'Zoom',
    spotlight: 'Spotlight',
    spotlightNone: 'nothing',
    spotlightPick: 'Alt+click a part of the picture to spotlight it; Esc turns it off.',
    picture: 'Picture',
    keys: 'PageDown / → next · PageUp / ← previous · P play or pause · B blank · + − zoom · Esc spotlight off',
    error: 'Something went wrong',
    states: {
      title: 'Prepared machine states',
      name: 'Name',
      save: 'Save the machine now',
      saving: 'Saving…',
      restore: 'Put back',
      export: 'Export',
      import: 'Import a file…',
      remove: 'Delete',
      empty: 'None saved yet.',
      inMemory: 'This browser keeps them only until the window closes: export the ones to keep.',
      imported: (name) => `Imported “${name}”.`,
      restoredIn: (s) => `put back in ${s} s`,
      where: (lesson, step) => `${lesson}, step ${step}`,
      errors: {
        'not-a-state': 'This is not a Dockhand state file.',
        damaged: 'This state file is damaged (its checksum does not match). Export it again from the machine it was saved on.',
        version: (v) => `This state file is in format version ${v}; this Dockhand reads version 1. Save the state again with this version.`,
        machine: 'This state was saved on a differently configured machine and cannot be put back here.',
        read: 'The file could not be read.',
      },
    },
    audience: {
      waiting: 'Waiting for the presenter…',
      hint: 'Open Dockhand on this computer and choose “Present”; this window follows it.',
      label: 'Audience screen',
    },
  },
};

const ko: Strings = {
  langName: '한국어',
  switchTo: 'English',
  tagline: '브라우저 안에서 돌아가는 진짜 리눅스 커널.',
  bootStatus: (restored, s) => `${restored ? '저장된 머신에서 복원' : '처음부터 부팅'}: ${s}초`,
  instantStart: '빠른 시작',
  coldBoot: '처음부터 부팅',
  vmPage: 'VM vs 컨테이너',
  cannotRun: '이 브라우저에서는 가상 머신을 실행할 수 없어요',
  couldNotStart: '가상 머신을 시작하지 못했어요',
  tryCold: '처음부터 부팅해 보기',
  terminal: '리눅스 터미널',
  boot: { label: '가상 머신 부팅 중', download: '다운로드', bios: 'BIOS', kernel: '커널', init: 'init', restore: '복원', ready: '준비 완료' },
  course: {
    title: '코스',
    intro: '레슨을 골라 보세요. 오른쪽 터미널은 언제든 자유롭게 써도 돼요.',
    steps: (passed, total) => `${passed}/${total} 단계`,
    done: '완료',
    start: '시작',
    resume: '이어서',
    review: '다시 보기',
  },
  lesson: {
    back: '← 전체 레슨',
    stepOf: (n, total) => `${total}단계 중 ${n}단계`,
    steps: '단계',
    run: '실행',
    typing: '입력 중…',
    check: '확인',
    checking: '확인 중…',
    passed: '통과',
    failed: '아직이에요',
    hints: '힌트',
    output: '확인 결과',
    next: '다음 →',
    previous: '← 이전',
    finish: '레슨 마치기',
    reset: '이 단계 되돌리기',
    resetting: '되돌리는 중…',
    resetIn: (s, boot) => `${s}초 만에 되돌림${boot ? ' (코스 시작 상태로)' : ''}`,
    preparing: '이 단계의 머신 상태를 저장하는 중…',
    done: '레슨 완료! 잘했어요!',
    restart: '레슨 처음부터 다시',
    error: '문제가 생겼어요',
    passedMark: '통과',
  },
  crash: {
    title: '커널이 멈췄어요: 모든 컨테이너도 함께 멈췄어요',
    panic: '리눅스 커널이 패닉을 일으키고 멈췄어요. 컨테이너는 이 커널 위의 프로세스일 뿐이라서, 하나도 살아남지 못했어요.',
    hang: '머신이 응답하지 않아요. 커널(과 그 위의 모든 컨테이너)이 멈춰 있어요.',
    reset: '머신 초기화',
    resetting: '머신을 초기화하는 중…',
    resetFailed: '초기화하지 못했어요',
    detail: '커널이 남긴 말',
    resetIn: (s) => `${s}초 만에 머신 초기화`,
  },
  bench: { views: '그림, Dockerfile 또는 VM 브라우저', pictures: '그림', dockerfile: 'Dockerfile', browser: '브라우저' },
  browser: {
    title: 'VM 포트를 여는 브라우저',
    explain: '페이지가 VM에게 이 URL을 요청해요(VM 안에서 wget이 실행돼요). 공개된 포트는 컨테이너로 넘겨 주는 nftables 규칙을 거쳐 대답해요.',
    none: '아직 공개된 포트가 없어요. docker run -d -p 8080:80 httpd-demo 를 실행해 보세요',
    url: 'URL',
    open: '열기',
    loading: '불러오는 중…',
    frame: 'VM이 돌려준 페이지',
    failed: (reason) => `응답 없음: ${reason}`,
    status: (code, text, bytes, ms) => `${code} ${text} · ${bytes}바이트 · ${ms}ms`,
  },
  build: {
    title: '내 파일로 이미지 만들기',
    files: '빌드 컨텍스트의 파일',
    newFile: '새 파일',
    rename: '이름 바꾸기',
    remove: '삭제',
    fileName: '파일 이름',
    ok: '적용',
    cancel: '취소',
    editor: (file) => `${file}의 내용`,
    image: '이미지 이름',
    imageInvalid: '소문자, 숫자, . _ - 와 :태그를 쓸 수 있어요. 예: my-image:1',
    build: '빌드',
    building: '빌드 중…',
    notReady: '머신이 아직 준비되지 않았어요',
    explain: '빌드를 누르면 이 파일들을 tar 아카이브로 묶어 VM의 /mnt/host/build-context.tar 에 넣고, 터미널에 docker build 명령을 입력해요.',
    failed: '파일을 VM에 넘기지 못했어요',
    problems: {
      empty: '파일 이름을 적어 주세요',
      invalid: '글자, 숫자, . _ - 를 쓰고, 폴더 사이에는 / 를 써요',
      taken: '같은 이름의 파일(또는 폴더)이 이미 있어요',
    },
  },  present: {
    switchOn: '발표',
    switchOff: '발표 끝내기',
    title: '발표자 화면',
    choose: '발표할 레슨을 고르세요. 청중 화면에는 터미널과 그림만 큰 글씨로 보여요.',
    start: '발표하기',
    another: '다른 레슨',
    openAudience: '청중 화면 열기',
    audienceHint: '프로젝터 쪽으로 옮겨 전체 화면(F11)으로 두세요. 이 브라우저의 다른 탭에서 #/present/audience 를 직접 열어도 돼요.',
    audiences: (n) => (n === 0 ? '아직 청중 화면이 없어요' : `청중 화면 ${n}개 연결됨`),
    noChannel: '이 브라우저는 두 창을 연결할 수 없어요(BroadcastChannel 없음). 청중 화면은 비어 있을 거예요.',
    stepOf: (n, total) => `${total}단계 중 ${n}단계`,
    play: '▶ 재생',
    pause: '❚❚ 일시정지',
    next: '다음 →',
    previous: '← 이전',
    jump: '단계로 이동',
    go: '이동',
    reset: '이 단계 되돌리기',
    entering: '이 단계를 저장하는 중…',
    restoring: '되돌리는 중…',
    restoredIn: (step, s) => `${step}단계를 ${s}초 만에 되돌림`,
    notes: '노트',
    hints: '수업용 힌트',
    nextStep: '다음 단계',
    lastStep: '마지막 단계예요.',
    elapsed: '발표 시간',
    onStep: '이 단계',
    blank: '화면 가리기 (B)',
    unblank: '화면 보이기 (B)',
    blanked: '청중 화면이 가려져 있어요',
    zoom: '확대',
    spotlight: '스포트라이트',
    spotlightNone: '없음',
    spotlightPick: '그림의 한 부분을 Alt+클릭하면 스포트라이트가 비춰요. Esc로 꺼요.',
    picture: '그림',
    keys: 'PageDown / → 다음 · PageUp / ← 이전 · P 재생/일시정지 · B 가리기 · + − 확대 · Esc 스포트라이트 끄기',
    error: '문제가 생겼어요',
    states: {
      title: '준비해 둔 머신 상태',
      name: '이름',
      save: '지금 머신 저장',
      saving: '저장하는 중…',
      restore: '되돌리기',
      export: '내보내기',
      import: '파일 가져오기…',
      remove: '삭제',
      empty: '아직 저장한 상태가 없어요.',
      inMemory: '이 브라우저는 창을 닫을 때까지만 보관해요. 남길 것은 내보내세요.',
      imported: (name) => `“${name}”을(를) 가져왔어요.`,
      restoredIn: (s) => `${s}초 만에 되돌림`,
      where: (lesson, step) => `${lesson}, ${step}단계`,
      errors: {
        'not-a-state': 'Dockhand 상태 파일이 아니에요.',
        damaged: '상태 파일이 손상됐어요(체크섬이 맞지 않아요). 저장했던 머신에서 다시 내보내 주세요.',
        version: (v) => `이 상태 파일은 형식 버전 ${v}이고, 이 Dockhand는 버전 1을 읽어요. 이 버전에서 상태를 다시 저장해 주세요.`,
        machine: '다른 설정의 머신에서 저장한 상태라 여기서는 되돌릴 수 없어요.',
        read: '파일을 읽지 못했어요.',
      },
    },
    audience: {
      waiting: '발표자를 기다리는 중…',
      hint: '이 컴퓨터에서 Dockhand를 열고 “발표”를 고르세요. 이 창이 그 화면을 따라가요.',
      label: '청중 화면',
    },
  },
};

export const strings: Record<Language, Strings> = { en, ko };

/** The student's choice if stored, else the browser's language: ko* → ko, anything else → en. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | null, browserLanguage: string | undefined): Language {
  try {
    const stored = storage?.getItem(LANG_KEY);
    if (stored === 'ko' || stored === 'en') return stored;
  } catch {
    // storage blocked: fall through to the browser's language
  }
  return browserLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'> | null, language: Language): void {
  try {
    storage?.setItem(LANG_KEY, language);
  } catch {
    // not remembered: the next visit starts from the browser's language again
  }
}

export const seconds = (ms: number) => (ms / 1000).toFixed(1);
