// Build-time evaluation: substituted words, the resulting config, and BuildKit's history text.
import { describe, expect, it } from 'vitest';
import type { ContainerConfig } from '../../oci/types';
import { evaluateFrom, evaluateStage, resolveMetaArgs, type StageResult } from './evaluate';
import { parseDockerfile } from './parse';

const BUSYBOX: ContainerConfig = { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] };

function evaluate(text: string, buildArgs: Record<string, string> = {}, base: ContainerConfig = BUSYBOX, stage = 0) {
  const { dockerfile, error } = parseDockerfile(text);
  if (error) throw error;
  const meta = resolveMetaArgs(dockerfile, buildArgs);
  if (!meta.ok) throw meta.error;
  return evaluateStage(dockerfile, dockerfile.stages[stage], { buildArgs, metaArgs: meta.value, base });
}

function ok(text: string, buildArgs: Record<string, string> = {}, base?: ContainerConfig): StageResult {
  const r = evaluate(text, buildArgs, base);
  if (!r.ok) throw r.error;
  return r.value;
}

const history = (text: string, buildArgs: Record<string, string> = {}) =>
  ok(text, buildArgs).steps.map((s) => s.history.created_by);

describe('history lines (BuildKit style)', () => {
  it.each([
    ['RUN echo hi', 'RUN /bin/sh -c echo hi # buildkit'],
    ['RUN ["echo", "hi"]', 'RUN echo hi # buildkit'],
    ['CMD ["sh"]', 'CMD ["sh"]'],
    ['CMD echo "hi"', 'CMD ["/bin/sh" "-c" "echo \\"hi\\""]'],
    ['ENTRYPOINT ["/app", "-v"]', 'ENTRYPOINT ["/app" "-v"]'],
    ['ENV A=1 B="x y"', 'ENV A=1 B=x y'],
    ['LABEL org.x=1', 'LABEL org.x=1'],
    ['WORKDIR /app/./src/..', 'WORKDIR /app'],
    ['USER nobody', 'USER nobody'],
    ['EXPOSE 80 443/tcp 53/udp', 'EXPOSE map[443/tcp:{} 53/udp:{} 80/tcp:{}]'],
    ['VOLUME ["/data", "/logs"]', 'VOLUME [/data /logs]'],
    ['SHELL ["/bin/ash", "-c"]', 'SHELL [/bin/ash -c]'],
    ['STOPSIGNAL SIGINT', 'STOPSIGNAL SIGINT'],
    ['HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q x', 'HEALTHCHECK &{["CMD-SHELL" "wget -q x"] "30s" "3s" "0s" "0s" \'\\x03\'}'],
    ['COPY --chown=1:1 a b /dst/', 'COPY --chown=1:1 a b /dst/ # buildkit'],
    ['ADD app.tar /opt', 'ADD app.tar /opt # buildkit'],
    ['MAINTAINER Jo', 'MAINTAINER Jo'],
    ['ARG V=1', 'ARG V=1'],
  ])('%s', (line, createdBy) => {
    expect(history(`FROM busybox\n${line}`).at(-1)).toBe(createdBy);
  });

  it('marks config-only steps as empty layers, with BuildKit\'s comment', () => {
    const steps = ok('FROM busybox\nENV A=1\nRUN true\nWORKDIR /\nWORKDIR /w').steps;
    expect(steps.map((s) => [s.history.empty_layer ?? false, s.history.comment]))
      .toEqual([[true, 'buildkit.dockerfile.v0'], [false, 'buildkit.dockerfile.v0'], [true, 'buildkit.dockerfile.v0'], [false, 'buildkit.dockerfile.v0']]);
    expect(steps[3].history.created_by).toBe('WORKDIR /w');
  });

  it('prefixes RUN with the build args in scope', () => {
    expect(history('FROM busybox\nARG A=1\nARG B\nRUN make', { B: 'x' }).at(-1)).toBe('RUN |2 A=1 B=x /bin/sh -c make # buildkit');
  });
});

describe('substitution and config', () => {
  it('substitutes ENV, ARG and the base image env, but not in RUN', () => {
    const r = ok('FROM busybox\nARG V=1.0\nENV APP=/opt/app-$V\nWORKDIR $APP\nCOPY app-${V}.tar ./\nRUN echo $APP');
    expect(r.config.Env).toContain('APP=/opt/app-1.0');
    expect(r.config.WorkingDir).toBe('/opt/app-1.0');
    expect(r.steps[3].copy).toEqual({ sources: ['app-1.0.tar'], dest: '/opt/app-1.0/', unpack: false });
    expect(r.steps[4].run).toEqual({
      argv: ['/bin/sh', '-c', 'echo $APP'], workdir: '/opt/app-1.0', user: '',
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'V=1.0', 'APP=/opt/app-1.0'],
    });
  });

  it('keeps ARG values out of the image env', () => {
    expect(ok('FROM busybox\nARG SECRET=x\nRUN true').config.Env).toEqual(BUSYBOX.Env);
  });

  it('substitutes all pairs of one ENV before setting any', () => {
    expect(ok('FROM busybox\nENV A=1\nENV A=2 B=$A').config.Env).toContain('B=1');
  });

  it('lets --build-arg override an ARG default', () => {
    expect(ok('FROM busybox\nARG V=1\nENV X=$V', { V: '2' }).config.Env).toContain('X=2');
  });

  it('brings a meta ARG into a stage only when it is declared again', () => {
    const text = 'ARG V=9\nFROM busybox\nENV BEFORE=[$V]\nARG V\nENV AFTER=[$V]';
    expect(ok(text).config.Env).toEqual(expect.arrayContaining(['BEFORE=[]', 'AFTER=[9]']));
  });

  it('gives a stage the automatic platform ARGs it declares', () => {
    expect(ok('FROM busybox\nARG TARGETARCH\nENV ARCH=$TARGETARCH').config.Env).toContain('ARCH=386');
  });

  it('resolves relative WORKDIRs against the previous one', () => {
    expect(ok('FROM busybox\nWORKDIR /a\nWORKDIR b\nWORKDIR ../c').config.WorkingDir).toBe('/a/c');
  });

  it('runs the shell form through SHELL', () => {
    const r = ok('FROM busybox\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\nCMD serve');
    expect(r.steps[1].run?.argv).toEqual(['/bin/ash', '-eo', 'pipefail', '-c', 'a | b']);
    expect(r.config.Cmd).toEqual(['/bin/ash', '-eo', 'pipefail', '-c', 'serve']);
  });

  it('drops the base CMD when ENTRYPOINT is set, unless the stage sets CMD', () => {
    expect(ok('FROM busybox\nENTRYPOINT ["/app"]').config).toMatchObject({ Entrypoint: ['/app'], Cmd: null });
    expect(ok('FROM busybox\nCMD ["x"]\nENTRYPOINT ["/app"]').config).toMatchObject({ Cmd: ['x'] });
  });

  it('adds PATH to an image that has none (scratch)', () => {
    expect(ok('FROM scratch\nRUN x', {}, {}).config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });

  it('fills ports, volumes, labels, user, signal, healthcheck and author', () => {
    const r = ok('FROM busybox\nEXPOSE 8000-8001/udp\nVOLUME /v\nLABEL "a b"=c\nUSER app\nSTOPSIGNAL SIGQUIT\nHEALTHCHECK NONE\nMAINTAINER me');
    expect(r.config).toMatchObject({
      ExposedPorts: { '8000/udp': {}, '8001/udp': {} }, Volumes: { '/v': {} }, Labels: { 'a b': 'c' }, User: 'app',
      StopSignal: 'SIGQUIT', Healthcheck: { Test: ['NONE'] },
    });
    expect(r.author).toBe('me');
  });

  it('gives COPY the stage it copies from and an octal chmod', () => {
    const { dockerfile } = parseDockerfile('FROM busybox AS build\nFROM busybox\nARG FROM=build\nCOPY --from=$FROM --chmod=755 /out /bin/');
    const r = evaluateStage(dockerfile, dockerfile.stages[1], { buildArgs: {}, metaArgs: new Map(), base: BUSYBOX });
    expect(r.ok && r.value.steps[1].copy).toEqual({ from: { kind: 'stage', index: 0 }, sources: ['/out'], dest: '/bin/', chmod: 0o755, unpack: false });
  });

  it('tells ADD to unpack local archives', () => {
    expect(ok('FROM busybox\nADD a.tgz /').steps[0].copy?.unpack).toBe(true);
  });
});

describe('FROM and meta ARGs', () => {
  it.each([
    ['ARG TAG=1.36\nFROM busybox:$TAG', {}, { image: 'busybox:1.36', base: { kind: 'image', ref: 'busybox:1.36' } }],
    ['ARG TAG=1.36\nFROM busybox:${TAG}', { TAG: 'latest' }, { image: 'busybox:latest', base: { kind: 'image', ref: 'busybox:latest' } }],
    ['ARG A=x\nARG B=${A}y\nFROM $B', {}, { image: 'xy', base: { kind: 'image', ref: 'xy' } }],
    ['FROM scratch', {}, { image: 'scratch', base: { kind: 'scratch' } }],
    ['ARG P\nFROM --platform=$P busybox', { P: 'linux/386' }, { image: 'busybox', platform: 'linux/386', base: { kind: 'image', ref: 'busybox' } }],
    ['FROM --platform=$BUILDPLATFORM busybox:$TARGETARCH', {}, { image: 'busybox:386', platform: 'linux/386', base: { kind: 'image', ref: 'busybox:386' } }],
  ])('%j', (text, buildArgs, expected) => {
    const { dockerfile } = parseDockerfile(text);
    const meta = resolveMetaArgs(dockerfile, buildArgs);
    expect(meta.ok && evaluateFrom(dockerfile, dockerfile.stages[0], meta.value)).toEqual({ ok: true, value: expected });
  });

  it('names an earlier stage as the base', () => {
    const { dockerfile } = parseDockerfile('FROM busybox AS base\nFROM base');
    expect(evaluateFrom(dockerfile, dockerfile.stages[1], new Map())).toEqual({ ok: true, value: { image: 'base', base: { kind: 'stage', index: 0 } } });
  });

  it('rejects a FROM that substitutes to nothing, on its line', () => {
    const { dockerfile } = parseDockerfile('ARG NOPE\n\nFROM $NOPE');
    const r = evaluateFrom(dockerfile, dockerfile.stages[0], new Map());
    expect(!r.ok && r.error.message).toBe('Dockerfile:3: base name (FROM) should not be blank');
  });
});

describe('evaluation errors carry the line', () => {
  it.each([
    ['FROM busybox\nARG P\nEXPOSE $P/tcpx', { P: '80' }, 'Dockerfile:3: invalid proto: tcpx'],
    ['FROM busybox\nARG S=NOPE\nSTOPSIGNAL $S', {}, 'Dockerfile:3: Invalid signal: NOPE'],
    ['FROM busybox\nARG U=https://x.org/a\nADD $U /', {}, "Dockerfile:3: ADD from a URL needs the network, which Dockhand's guest does not have: https://x.org/a"],
    ['FROM busybox\nARG M=abc\nCOPY --chmod=$M a b', {}, 'Dockerfile:3: invalid chmod parameter "abc": use an octal mode such as 755'],
    ['FROM busybox\nENV X="${REQUIRED:?set it}"', {}, 'Dockerfile:2: REQUIRED: set it'],
    ['FROM busybox\nARG F=5\nCOPY --from=$F a b', {}, 'Dockerfile:3: COPY --from=5: there is no build stage 5 (stages count from 0; this Dockerfile has 1)'],
    ['FROM busybox\nARG V\nVOLUME $V', {}, 'Dockerfile:3: VOLUME specified can not be an empty string'],
  ])('%j', (text, buildArgs, message) => {
    const r = evaluate(text, buildArgs);
    expect(!r.ok && r.error.message).toBe(message);
  });
});
