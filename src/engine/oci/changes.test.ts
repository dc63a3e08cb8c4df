import { describe, expect, it } from 'vitest';
import { applyChanges, commitCreatedBy, commitEnv, splitWords } from './changes';

describe('docker commit -c', () => {
  const base = { Env: ['PATH=/bin', 'A=0'], Cmd: ['sh'], Labels: { old: '1' } };

  it('applies CMD and ENTRYPOINT in JSON and shell form', () => {
    const r = applyChanges(base, ['CMD ["echo", "hi"]', 'ENTRYPOINT /bin/run --x']);
    expect(r).toMatchObject({ ok: true, config: { Cmd: ['echo', 'hi'], Entrypoint: ['/bin/sh', '-c', '/bin/run --x'] } });
    expect(applyChanges(base, ['cmd echo hi'])).toMatchObject({ ok: true, config: { Cmd: ['/bin/sh', '-c', 'echo hi'] } });
  });

  it('sets ENV (both forms), LABEL, EXPOSE, WORKDIR, USER without changing the base', () => {
    const r = applyChanges(base, ['ENV A=1 B="two words"', 'ENV C three words', 'LABEL k=v "x y"=z', 'EXPOSE 80 53/udp', 'WORKDIR /srv', 'WORKDIR app', 'USER nobody']);
    expect(r.ok && r.config).toEqual({
      Env: ['PATH=/bin', 'A=1', 'B=two words', 'C=three words'], Cmd: ['sh'], Labels: { old: '1', k: 'v', 'x y': 'z' },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} }, WorkingDir: '/srv/app', User: 'nobody',
    });
    expect(base.Env).toEqual(['PATH=/bin', 'A=0']);
  });

  it('refuses other instructions and bad values as Docker does', () => {
    expect(applyChanges(base, ['RUN echo'])).toEqual({ ok: false, error: 'run is not a valid change command' });
    expect(applyChanges(base, ['EXPOSE http'])).toEqual({ ok: false, error: 'invalid containerPort: http' });
    expect(applyChanges(base, ['ENV'])).toEqual({ ok: false, error: 'ENV requires at least one argument' });
  });

  it('splits words with quotes and escapes', () => {
    expect(splitWords(`a=1 b="x y" c='z w' d\\ e`)).toEqual(['a=1', 'b=x y', 'c=z w', 'd e']);
    expect(splitWords('')).toEqual([]);
  });
});

describe('docker commit helpers', () => {
  it('leaves out the env the engine added, keeps the image\'s and -e', () => {
    expect(commitEnv(['PATH=/bin', 'HOSTNAME=abc', 'HOME=/root', 'TERM=xterm', 'X=1'], ['PATH=/bin'])).toEqual(['PATH=/bin', 'X=1']);
    expect(commitEnv(['HOME=/home/u'], ['HOME=/home/u'])).toEqual(['HOME=/home/u']);
  });

  it('records the container\'s command as created_by', () => {
    expect(commitCreatedBy('sh', ['-c', 'echo x > /f'])).toBe('sh -c echo x > /f');
  });
});
