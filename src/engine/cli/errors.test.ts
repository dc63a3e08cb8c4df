// Error texts for what goes wrong after parsing, as `docker run` reports them.
import { describe, expect, it } from 'vitest';
import { argCountError, commandFailure, flagError, flagLabel, invalidValue, startFailureExitCode } from './errors';

describe('commandFailure (reportError)', () => {
  it.each([
    ['invalid reference format', 'docker: invalid reference format.'],
    ['Error response from daemon: No such container: x.', 'docker: Error response from daemon: No such container: x.'],
  ])('%j', (message, first) => {
    expect(commandFailure('docker run', message)).toEqual({ message: `${first}\nSee 'docker run --help'.`, exitCode: 125 });
  });

  it('takes the exit code the failure calls for', () => {
    expect(commandFailure('docker run', 'x', 127).exitCode).toBe(127);
  });
});

describe('startFailureExitCode (runStartContainerErr)', () => {
  it.each([
    ['exec: "nope": executable file not found in $PATH', 127],
    ['exec /app: no such file or directory', 127],
    ['exec /etc/passwd: permission denied', 126],
    ['exec /tmp: is a directory', 126],
    ['OCI runtime create failed: cgroup error', 125],
  ])('%j → %d', (message, code) => expect(startFailureExitCode(message)).toBe(code));
});

describe('building blocks', () => {
  it('labels flags as pflag does', () => {
    expect(flagLabel('memory', 'm')).toBe('-m, --memory');
    expect(flagLabel('rm')).toBe('--rm');
    expect(invalidValue('x y', '--rm', 'bad')).toBe('invalid argument "x y" for "--rm" flag: bad');
  });

  it('adds the usage of a management command to a flag error', () => {
    expect(flagError('unknown flag: --x', 'docker image', 'Usage:  docker image COMMAND\n')).toEqual({
      message: "unknown flag: --x\nSee 'docker image --help'.\n\nUsage:  docker image COMMAND\n", exitCode: 125,
    });
  });

  it('words a count that allows a range with the plural of the maximum', () => {
    expect(argCountError('docker x', 'docker x A [B]', 'Do x', 1, 2).message.split('\n')[0])
      .toBe('"docker x" requires at least 1 and at most 2 arguments.');
    expect(argCountError('docker x', 'docker x', 'Do x', 0, 1).message.split('\n')[0]).toBe('"docker x" requires at most 1 argument.');
  });
});
