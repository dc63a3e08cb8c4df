import { describe, expect, it } from 'vitest';
import { normalizeProjectName, projectName, validateProjectName } from './project-name';

describe('project names', () => {
  it.each<[string, string]>([
    ['Shop', 'shop'], ['my app', 'myapp'], ['My.App_2-x', 'myapp_2-x'], ['__hidden', 'hidden'], ['-_-a', 'a'], ['café', 'caf'],
  ])('the directory %j gives %j', (dir, name) => {
    expect(normalizeProjectName(dir)).toBe(name);
    expect(projectName({ workingDir: `/home/student/${dir}` })).toEqual({ ok: true, name });
  });

  it('-p, then COMPOSE_PROJECT_NAME, then name:, then the directory', () => {
    const all = { flag: 'flag', env: 'env', file: 'file', workingDir: '/x/dir' };
    expect(projectName(all)).toEqual({ ok: true, name: 'flag' });
    expect(projectName({ ...all, flag: undefined })).toEqual({ ok: true, name: 'env' });
    expect(projectName({ ...all, flag: undefined, env: '' })).toEqual({ ok: true, name: 'file' });
    expect(projectName({ workingDir: '/x/dir/' })).toEqual({ ok: true, name: 'dir' });
  });

  it.each(['My-App', '_a', 'a b', 'a.b'])('a given name %j must already be valid', (flag) => {
    expect(projectName({ flag, workingDir: '/x' })).toEqual({
      ok: false, error: `${JSON.stringify(flag)} is not a valid project name: it must contain only characters from [a-z0-9_-] and start with [a-z0-9]`,
    });
  });

  it('an empty name is refused', () => {
    expect(validateProjectName('')).toBe('project name must not be empty');
    expect(projectName({ workingDir: '/' })).toEqual({ ok: false, error: 'project name must not be empty' });
  });
});
