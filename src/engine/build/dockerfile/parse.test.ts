// parseDockerfile: every instruction's parsed shape, and every error with its line.
import { describe, expect, it } from 'vitest';
import type { Instruction } from './instructions';
import { parseDockerfile } from './parse';

/** The one instruction after `FROM scratch`, without line and original text. */
function only(line: string): Partial<Instruction> {
  const r = parseDockerfile(`FROM scratch\n${line}`);
  if (r.error) throw r.error;
  const { line: _l, original: _o, ...rest } = r.dockerfile.stages[0].instructions[0];
  return rest;
}

describe('instructions', () => {
  it.each<[string, object]>([
    ['RUN echo hi', { kind: 'RUN', command: { form: 'shell', text: 'echo hi' } }],
    ['run ["echo", "hi"]', { kind: 'RUN', command: { form: 'exec', argv: ['echo', 'hi'] } }],
    ['RUN [not json', { kind: 'RUN', command: { form: 'shell', text: '[not json' } }],
    ['RUN echo $HOME', { kind: 'RUN', command: { form: 'shell', text: 'echo $HOME' } }],
    ['CMD ["sh"]', { kind: 'CMD', command: { form: 'exec', argv: ['sh'] } }],
    ['CMD []', { kind: 'CMD', command: { form: 'exec', argv: [] } }],
    ['CMD echo "$X"', { kind: 'CMD', command: { form: 'shell', text: 'echo "$X"' } }],
    ['ENTRYPOINT ["/bin/app", "--flag"]', { kind: 'ENTRYPOINT', command: { form: 'exec', argv: ['/bin/app', '--flag'] } }],
    ['ENTRYPOINT exec app', { kind: 'ENTRYPOINT', command: { form: 'shell', text: 'exec app' } }],
    ['COPY a b /dest/', { kind: 'COPY', sources: ['a', 'b'], dest: '/dest/', link: false }],
    ['COPY --from=busybox --chown=1:2 --chmod=644 /x /y', { kind: 'COPY', sources: ['/x'], dest: '/y', from: 'busybox', chown: '1:2', chmod: '644', link: false }],
    ['COPY ["a b", "/c d/"]', { kind: 'COPY', sources: ['a b'], dest: '/c d/', link: false }],
    ['COPY --link a /b', { kind: 'COPY', sources: ['a'], dest: '/b', link: true }],
    ['ADD app.tar.gz /opt/', { kind: 'ADD', sources: ['app.tar.gz'], dest: '/opt/', link: false }],
    ['ENV A=1 B="two words"', { kind: 'ENV', pairs: [{ key: 'A', value: '1' }, { key: 'B', value: '"two words"' }] }],
    ['ENV LEGACY some value', { kind: 'ENV', pairs: [{ key: 'LEGACY', value: 'some value' }] }],
    ['LABEL a=b "c d"="e"', { kind: 'LABEL', pairs: [{ key: 'a', value: 'b' }, { key: '"c d"', value: '"e"' }] }],
    ['ARG V', { kind: 'ARG', args: [{ name: 'V' }] }],
    ['ARG V=1 W', { kind: 'ARG', args: [{ name: 'V', default: '1' }, { name: 'W' }] }],
    ['WORKDIR /app', { kind: 'WORKDIR', path: '/app' }],
    ['WORKDIR $HOME/src', { kind: 'WORKDIR', path: '$HOME/src' }],
    ['EXPOSE 80 443/tcp 53/udp 8000-8002', { kind: 'EXPOSE', ports: ['80', '443/tcp', '53/udp', '8000-8002'] }],
    ['USER 1000:1000', { kind: 'USER', user: '1000:1000' }],
    ['VOLUME /data /logs', { kind: 'VOLUME', paths: ['/data', '/logs'] }],
    ['VOLUME ["/data"]', { kind: 'VOLUME', paths: ['/data'] }],
    ['SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', { kind: 'SHELL', argv: ['/bin/ash', '-eo', 'pipefail', '-c'] }],
    ['STOPSIGNAL SIGQUIT', { kind: 'STOPSIGNAL', signal: 'SIGQUIT' }],
    ['STOPSIGNAL 9', { kind: 'STOPSIGNAL', signal: '9' }],
    ['MAINTAINER Jo <jo@example.org>', { kind: 'MAINTAINER', name: 'Jo <jo@example.org>' }],
    ['HEALTHCHECK NONE', { kind: 'HEALTHCHECK', healthcheck: { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 } }],
    ['HEALTHCHECK --interval=30s --timeout=3s --start-period=1m --retries=3 CMD wget -q localhost || exit 1', {
      kind: 'HEALTHCHECK',
      healthcheck: { test: ['CMD-SHELL', 'wget -q localhost || exit 1'], interval: 30e9, timeout: 3e9, startPeriod: 60e9, startInterval: 0, retries: 3 },
    }],
    ['HEALTHCHECK cmd ["true"]', { kind: 'HEALTHCHECK', healthcheck: { test: ['CMD', 'true'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 } }],
  ])('%s', (line, expected) => {
    expect(only(line)).toEqual(expected);
  });

  it('keeps the line and the text as written', () => {
    const r = parseDockerfile('FROM a\n\nRUN echo \\\n  hi');
    expect(r.dockerfile.stages[0].instructions[0]).toMatchObject({ line: 3, original: 'RUN echo   hi' });
  });
});

describe('FROM, stages and meta ARGs', () => {
  it('reads stages, names (lower-cased) and --platform', () => {
    const r = parseDockerfile('ARG BASE=busybox\nFROM --platform=linux/386 $BASE AS Build\nRUN make\nFROM scratch\nCOPY --from=build /out /');
    expect(r.error).toBeUndefined();
    expect(r.dockerfile.metaArgs.map((a) => a.args)).toEqual([[{ name: 'BASE', default: 'busybox' }]]);
    expect(r.dockerfile.stages.map((s) => [s.index, s.from.image, s.from.name, s.from.platform, s.instructions.length]))
      .toEqual([[0, '$BASE', 'build', 'linux/386', 1], [1, 'scratch', undefined, undefined, 1]]);
  });

  it('records the directives', () => {
    const r = parseDockerfile('# syntax=docker/dockerfile:1\n# escape=`\nFROM a');
    expect([r.dockerfile.escape, r.dockerfile.syntax]).toEqual(['`', 'docker/dockerfile:1']);
  });
});

describe('errors name the problem and the line', () => {
  it.each([
    ['', 'Dockerfile: the Dockerfile has no instructions'],
    ['# only a comment\n\n', 'Dockerfile: the Dockerfile has no instructions'],
    ['ARG A=1', 'Dockerfile:1: the Dockerfile has no FROM: no stages to build'],
    ['RUN echo hi', 'Dockerfile:1: RUN before the first FROM: no build stage in current context'],
    ['# c\nFROM a\n\nCOPPY x y', 'Dockerfile:4: unknown instruction: COPPY (did you mean COPY?)'],
    ['FROM a\nFRUM b', 'Dockerfile:2: unknown instruction: FRUM (did you mean FROM?)'],
    ['FROM a\nXYZZYQ b', 'Dockerfile:2: unknown instruction: XYZZYQ'],
    ['FROM', 'Dockerfile:1: FROM requires either one or three arguments'],
    ['FROM a b', 'Dockerfile:1: FROM requires either one or three arguments'],
    ['FROM a AS', 'Dockerfile:1: FROM requires either one or three arguments'],
    ['FROM a AS 1st', 'Dockerfile:1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols'],
    ['FROM a AS x\nFROM b AS X', 'Dockerfile:2: duplicate stage name "x"'],
    ['FROM --foo=1 a', 'Dockerfile:1: unknown flag: --foo'],
    ['FROM --platform a', 'Dockerfile:1: missing a value on flag: --platform'],
    ['FROM ${A', "Dockerfile:1: missing '}' in ${A"],
    ['FROM a\nRUN', 'Dockerfile:2: RUN requires at least one argument'],
    ['FROM a\nRUN []', 'Dockerfile:2: RUN requires at least one argument'],
    ['FROM a\nRUN --mount=type=cache,target=/x make', 'Dockerfile:2: RUN --mount is not supported by Dockhand (it needs BuildKit)'],
    ['FROM a\nRUN --network=none x', 'Dockerfile:2: RUN --network is not supported by Dockhand (it needs BuildKit)'],
    ['FROM a\nRUN <<EOF\necho\nEOF', 'Dockerfile:2: RUN with a here-document (<<EOF) is not supported by Dockhand'],
    ['FROM a\nCMD', 'Dockerfile:2: CMD requires at least one argument'],
    ['FROM a\nCMD --x y', 'Dockerfile:2: unknown flag: --x'],
    ['FROM a\nCOPY onlyone', 'Dockerfile:2: COPY requires at least two arguments, but only one was provided. Destination could not be determined.'],
    ['FROM a\nCOPY', 'Dockerfile:2: COPY requires at least two arguments'],
    ['FROM a\nCOPY --from a b', 'Dockerfile:2: missing a value on flag: --from'],
    ['FROM a\nCOPY --chmod=rwx a b', 'Dockerfile:2: invalid chmod parameter "rwx": use an octal mode such as 755'],
    ['FROM a\nCOPY --parents a b', 'Dockerfile:2: COPY --parents is not supported by Dockhand'],
    ['FROM a\nADD --from=x a b', 'Dockerfile:2: unknown flag: --from'],
    ['FROM a\nADD https://example.org/x.tgz /', "Dockerfile:2: ADD from a URL needs the network, which Dockhand's guest does not have: https://example.org/x.tgz"],
    ['FROM a\nADD git@github.com:a/b.git /src', "Dockerfile:2: ADD from a URL needs the network, which Dockhand's guest does not have: git@github.com:a/b.git"],
    ['FROM a\nCOPY http://x/y /', "Dockerfile:2: source can't be a URL for COPY: http://x/y"],
    ['FROM a\nCOPY ${SRC /d', "Dockerfile:2: missing '}' in ${SRC"],
    ['FROM a\nENV', 'Dockerfile:2: ENV requires at least one argument'],
    ['FROM a\nENV A', 'Dockerfile:2: ENV must have two arguments'],
    ['FROM a\nENV A=1 B', 'Dockerfile:2: Syntax error - can\'t find = in "B". Must be of the form: name=value'],
    ['FROM a\nENV A="open', 'Dockerfile:2: unexpected end of statement while looking for matching double-quote in "open'],
    ['FROM a\nLABEL', 'Dockerfile:2: LABEL requires at least one argument'],
    ['FROM a\nARG', 'Dockerfile:2: ARG requires at least one argument'],
    ['FROM a\nARG =x', 'Dockerfile:2: ARG names can not be blank'],
    ['FROM a\nWORKDIR', 'Dockerfile:2: WORKDIR requires exactly one argument'],
    ['FROM a\nUSER', 'Dockerfile:2: USER requires exactly one argument'],
    ['FROM a\nEXPOSE', 'Dockerfile:2: EXPOSE requires at least one argument'],
    ['FROM a\nEXPOSE 80/xyz', 'Dockerfile:2: invalid proto: xyz'],
    ['FROM a\nEXPOSE http', 'Dockerfile:2: invalid containerPort: http'],
    ['FROM a\nEXPOSE 90-80', 'Dockerfile:2: invalid range specified for containerPort: 90-80'],
    ['FROM a\nVOLUME', 'Dockerfile:2: VOLUME requires at least one argument'],
    ['FROM a\nVOLUME [""]', 'Dockerfile:2: VOLUME specified can not be an empty string'],
    ['FROM a\nSHELL /bin/bash -c', 'Dockerfile:2: SHELL requires the arguments to be in JSON form'],
    ['FROM a\nSHELL []', 'Dockerfile:2: SHELL requires at least one argument'],
    ['FROM a\nSTOPSIGNAL', 'Dockerfile:2: STOPSIGNAL requires exactly one argument'],
    ['FROM a\nSTOPSIGNAL SIGNOPE', 'Dockerfile:2: Invalid signal: SIGNOPE'],
    ['FROM a\nHEALTHCHECK', 'Dockerfile:2: HEALTHCHECK requires at least one argument'],
    ['FROM a\nHEALTHCHECK NONE x', 'Dockerfile:2: HEALTHCHECK NONE takes no arguments'],
    ['FROM a\nHEALTHCHECK RUN x', 'Dockerfile:2: Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['FROM a\nHEALTHCHECK CMD', 'Dockerfile:2: Missing command after HEALTHCHECK CMD'],
    ['FROM a\nHEALTHCHECK --interval=5 CMD x', 'Dockerfile:2: --interval: time: invalid duration "5"'],
    ['FROM a\nHEALTHCHECK --timeout=1us CMD x', 'Dockerfile:2: --timeout cannot be less than 1ms'],
    ['FROM a\nHEALTHCHECK --retries=-1 CMD x', 'Dockerfile:2: --retries cannot be negative (-1)'],
    ['FROM a\nHEALTHCHECK --foo=1 CMD x', 'Dockerfile:2: unknown flag: --foo'],
    ['FROM a\nMAINTAINER', 'Dockerfile:2: MAINTAINER requires exactly one argument'],
    ['FROM a\nONBUILD RUN x', 'Dockerfile:2: ONBUILD is not supported by Dockhand (it stores instructions to run in a later build)'],
    ['FROM a\nCOPY --from=1 /x /y', 'Dockerfile:2: COPY --from=1: there is no build stage 1 (stages count from 0; this Dockerfile has 1)'],
    ['FROM a AS one\nCOPY --from=one /x /y', 'Dockerfile:2: circular dependency detected on stage: one'],
    ['FROM a\nCOPY --from=later /x /y\nFROM b AS later', 'Dockerfile:2: circular dependency detected on stage: later'],
    ['FROM a\nCOPY --from=Not_An_Image /x /y', 'Dockerfile:2: COPY --from=Not_An_Image: no build stage has that name, and it is not an image name (invalid reference format: repository name (library/Not_An_Image) must be lowercase)'],
    ['# escape=\\\n# escape=`\nFROM a', 'Dockerfile:2: only one escape parser directive can be used'],
  ])('%j', (text, message) => {
    expect(parseDockerfile(text).error?.message).toBe(message);
  });

  it('carries the line and the bare problem', () => {
    const { error } = parseDockerfile('FROM a\nRUN x\nBOGUS y', 'app.Dockerfile');
    expect([error?.line, error?.problem, error?.message]).toEqual([3, 'unknown instruction: BOGUS', 'app.Dockerfile:3: unknown instruction: BOGUS']);
  });

  it('keeps what was parsed before the error', () => {
    expect(parseDockerfile('FROM a\nRUN x\nBOGUS y').dockerfile.stages[0].instructions).toHaveLength(1);
  });
});
