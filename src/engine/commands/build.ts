// `docker build [-t NAME[:TAG]]... [-f FILE] [--build-arg K=V]... [--no-cache] [-q] [--target S] PATH | -`
// Finds the context (a directory, or a tar archive or a lone Dockerfile on stdin, which is
// how the web app hands over what the student edited), reads the Dockerfile and .dockerignore,
// and runs the builder (src/engine/build) with the client as the place RUN steps execute.
import { flagBool, flagList, flagString } from '../cli/parse';
import { build } from '../build/builder';
import { parseDockerfile, parseDockerignore, type DockerignoreMatcher } from '../build/dockerfile';
import { successLines } from '../build/progress';
import * as kernel from '../kernel';
import { familiarString, parseNormalizedNamed, withDefaultTag } from '../oci/reference';
import { STORE_ROOT } from '../store/image-store';
import { idFromBytes } from '../store/ids';
import type { CommandContext } from './context';

export async function buildCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const tags: string[] = [];
  for (const tag of flagList(cmd.flags, 'tag')) {
    const parsed = parseNormalizedNamed(tag);
    if (!parsed.ok || parsed.ref.digest) {
      io.err(`invalid argument "${tag}" for "-t, --tag" flag: ${parsed.ok ? 'a tag cannot carry a digest' : parsed.error}\nSee 'docker build --help'.\n`);
      return 125;
    }
    tags.push(familiarString(withDefaultTag(parsed.ref)));
  }
  const buildArgs = pairs(flagList(cmd.flags, 'build-arg'));
  const labels = pairs(flagList(cmd.flags, 'label'));
  const buildId = idFromBytes(kernel.randomBytes(32));
  const workDir = `${STORE_ROOT}/build/${buildId}`;
  kernel.mkdirs(workDir);
  try {
    const context = await prepareContext(io, cmd.args[0], flagString(cmd.flags, 'file'), workDir);
    if ('error' in context) {
      io.err(`${context.error}\n`);
      return 1;
    }
    const parsed = parseDockerfile(context.dockerfile, context.name);
    if (parsed.error) {
      io.err(`${parsed.error.message}\n`);
      return 1;
    }
    const quiet = flagBool(cmd.flags, 'quiet');
    const result = await build(engine.images, {
      dockerfile: parsed.dockerfile, contextDir: context.dir, ignore: context.ignore, buildArgs, labels,
      target: flagString(cmd.flags, 'target') || undefined, noCache: flagBool(cmd.flags, 'no-cache'), quiet, workDir, buildId,
    }, {
      out: (text) => io.out(text),
      launch: (spec) => io.runContainer(spec),
      publish: (event) => engine.publish?.(event),
    });
    if (!result.ok) {
      io.err(`${result.message}\n`);
      return 1;
    }
    for (const tag of tags) engine.images.tag(result.image, tag);
    engine.publish?.({ op: 'build.step', build: buildId, step: 0, of: 0, line: 0, instruction: '', status: 'built', diffId: `sha256:${result.image.id}` });
    io.out(quiet ? `sha256:${result.image.id}\n` : successLines(result.image.id, tags));
    return 0;
  } finally {
    kernel.removeTree(workDir);
  }
}

/** `--build-arg A=1` → {A: '1'}; a bare `A` would come from the client's environment, which is not sent: left out. */
function pairs(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq > 0) out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

type Context = { dir: string; dockerfile: string; name: string; ignore?: DockerignoreMatcher } | { error: string };

async function prepareContext(io: CommandContext['io'], path: string, file: string, workDir: string): Promise<Context> {
  const resolve = (p: string, base: string) => (p.startsWith('/') ? p : `${base}/${p}`);
  let dir: string;
  if (path === '-') {
    if (io.request.tty[0]) return { error: 'ERROR: the build context or Dockerfile should come on stdin (docker build - < context.tar)' };
    const input = `${workDir}/stdin`;
    const fd = kernel.openFd(input, kernel.O_CREATE_TRUNC, 0o600);
    await kernel.runProgramAsync(['/bin/cat'], { stdin: io.fds[0], stdout: fd });
    kernel.closeFd(fd);
    dir = `${workDir}/context`;
    kernel.mkdirs(dir);
    const kind = kernel.archiveKind(input);
    if (!kind) {
      // a lone Dockerfile: a build with an empty context
      return { dir, dockerfile: kernel.readText(input) ?? '', name: 'Dockerfile' };
    }
    if (!kernel.extractArchive(input, kind, dir)) return { error: 'ERROR: the build context on stdin is not a readable tar archive' };
  } else {
    dir = resolve(path, io.request.cwd);
    if (!kernel.isDirectory(dir)) return { error: `ERROR: unable to prepare context: path "${path}" not found` };
  }
  const dockerfilePath = file ? resolve(file, path === '-' ? dir : io.request.cwd) : `${dir}/Dockerfile`;
  const dockerfile = kernel.readText(dockerfilePath);
  if (dockerfile === null) return { error: `ERROR: failed to read dockerfile: open ${file || 'Dockerfile'}: no such file or directory` };
  const name = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
  const ignoreText = kernel.readText(`${dir}/.dockerignore`);
  if (ignoreText === null) return { dir, dockerfile, name };
  const ignore = parseDockerignore(ignoreText);
  if (!ignore.ok) return { error: `ERROR: ${ignore.error}` };
  return { dir, dockerfile, name, ignore: ignore.value };
}
