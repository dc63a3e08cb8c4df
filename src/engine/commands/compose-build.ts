// `docker compose build [SERVICE...]`, and the builds `up` plans: each service with `build:`
// is `docker build -t <image> -f <context>/<dockerfile> [--build-arg …] [--target …] <context>`,
// run by the same handler as the CLI's (commands/build.ts: the builder, the cache, RUN steps in
// containers launched by the client).
import { flagBool, flagList } from '../cli/parse';
import { serviceImage, serviceOrder } from '../compose';
import type { BuildConfig } from '../compose';
import { buildCommand } from './build';
import { reporter, type Report } from './compose-containers';
import { dockerCommand, loadComposeProject } from './compose-project';
import type { CommandContext } from './context';

export interface BuildOptions { noCache: boolean; quiet: boolean; buildArgs: readonly string[] }

/** Builds one service's image; true when it was built (the builder has printed what went wrong otherwise). */
export async function buildService(
  ctx: CommandContext, service: string, image: string, build: BuildConfig, options: BuildOptions, report: Report,
): Promise<boolean> {
  report('Service', service, 'Building');
  const dockerfile = build.dockerfile.startsWith('/') ? build.dockerfile : `${build.context}/${build.dockerfile}`;
  const args = [...Object.entries(build.args).map(([k, v]) => `${k}=${v}`), ...options.buildArgs];
  const cmd = dockerCommand('image build', {
    tag: [image], file: dockerfile, 'build-arg': args, 'no-cache': options.noCache, quiet: options.quiet,
    ...(build.target ? { target: build.target } : {}),
  }, [build.context]);
  const code = await buildCommand({ ...ctx, cmd });
  report('Service', service, code === 0 ? 'Built' : 'Error');
  return code === 0;
}

export async function composeBuildCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd } = ctx;
  const loaded = loadComposeProject(ctx, { services: cmd.args });
  if (!loaded) return 1;
  const { project } = loaded;
  const services = serviceOrder(project, [...cmd.args]);
  if (typeof services === 'string') {
    io.err(`${services}\n`);
    return 1;
  }
  const report = reporter(io);
  const options = { noCache: flagBool(cmd.flags, 'no-cache'), quiet: flagBool(cmd.flags, 'quiet'), buildArgs: flagList(cmd.flags, 'build-arg') };
  for (const service of services) {
    // compose build builds the services named (or all) that have build:, not their dependencies' images
    if (!service.build || (cmd.args.length > 0 && !cmd.args.includes(service.name))) continue;
    if (!(await buildService(ctx, service.name, serviceImage(project.name, service), service.build, options, report))) return 1;
  }
  return 0;
}
