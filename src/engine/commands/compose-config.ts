// `docker compose config [--format yaml|json] [--services|--volumes|--networks|--images] [-q]`:
// the file as compose understood it — checked, interpolated, every short syntax expanded
// (compose/render.ts) — or just the names of its parts.
import { flagBool, flagString } from '../cli/parse';
import { serviceImage } from '../compose';
import { canonicalProject, toYaml } from '../compose/render';
import { loadComposeProject } from './compose-project';
import type { CommandContext } from './context';

export function composeConfigCommand(ctx: CommandContext): number {
  const { io, cmd } = ctx;
  const loaded = loadComposeProject(ctx, { services: cmd.args });
  if (!loaded) return 1;
  const { project } = loaded;
  const services = project.services.filter((s) => cmd.args.length === 0 || cmd.args.includes(s.name));
  if (flagBool(cmd.flags, 'quiet')) return 0;
  // --services, --volumes, --networks, --images: the names, one a line
  const names = flagBool(cmd.flags, 'services') ? services.map((s) => s.name)
    : flagBool(cmd.flags, 'volumes') ? Object.keys(project.volumes)
      : flagBool(cmd.flags, 'networks') ? Object.keys(project.networks)
        : flagBool(cmd.flags, 'images') ? services.map((s) => serviceImage(project.name, s)) : null;
  if (names) {
    io.out(names.map((n) => n + '\n').join(''));
    return 0;
  }
  const format = flagString(cmd.flags, 'format') || 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    io.err(`unsupported format "${format}"\n`);
    return 1;
  }
  const canonical = canonicalProject(project, [...cmd.args]);
  io.out(format === 'json' ? JSON.stringify(canonical, null, 2) + '\n' : toYaml(canonical));
  return 0;
}
