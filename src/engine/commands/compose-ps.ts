// `docker compose ps [-a] [-q] [--services] [--status S] [--format F] [SERVICE...]` and
// `docker compose ls`: the project's containers, found by their labels, in compose's columns
// (docker ps's rows from format/ps.ts, plus the service).
import { flagBool, flagList, flagString } from '../cli/parse';
import { LABEL } from '../compose';
import { formatList } from '../format/output';
import { psRow } from '../format/ps';
import { table } from '../format/table';
import { projectRecords } from './compose-containers';
import { loadComposeProject } from './compose-project';
import type { CommandContext } from './context';

const PS_TABLE = 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}';
const PS_HEADERS = {
  ID: 'CONTAINER ID', Name: 'NAME', Names: 'NAMES', Image: 'IMAGE', Command: 'COMMAND', Service: 'SERVICE', Project: 'PROJECT',
  RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Labels: 'LABELS',
  Mounts: 'MOUNTS', Networks: 'NETWORKS', Size: 'SIZE', LocalVolumes: 'LOCAL VOLUMES', ExitCode: 'EXIT CODE', Health: 'HEALTH',
};

export function composePsCommand(ctx: CommandContext): number {
  const { io, cmd, engine } = ctx;
  const loaded = loadComposeProject(ctx, { fromLabels: true, services: cmd.args });
  if (!loaded) return 1;
  const statuses = flagList(cmd.flags, 'status');
  const all = flagBool(cmd.flags, 'all') || statuses.length > 0;
  const records = projectRecords(engine, loaded.project.name, cmd.args)
    .filter((r) => (all || r.State.Running) && (statuses.length === 0 || statuses.includes(r.State.Status)));
  if (flagBool(cmd.flags, 'quiet')) {
    io.out(records.map((r) => r.Id + '\n').join(''));
    return 0;
  }
  if (flagBool(cmd.flags, 'services')) {
    io.out([...new Set(records.map((r) => r.Config.Labels[LABEL.service]))].map((s) => s + '\n').join(''));
    return 0;
  }
  const now = Date.now() / 1000;
  const truncate = !flagBool(cmd.flags, 'no-trunc');
  const rows = records.map((r) => {
    const row = psRow(r, now, truncate);
    return {
      ...row, ID: r.Id, Name: row.Names, Service: r.Config.Labels[LABEL.service] ?? '', Project: r.Config.Labels[LABEL.project] ?? '',
      ExitCode: r.State.ExitCode, Health: '',
    };
  });
  const result = formatList(flagString(cmd.flags, 'format'), rows, { headers: PS_HEADERS, defaultTable: PS_TABLE, rootType: '*formatter.ContainerContext' });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}

/** `docker compose ls`: the projects that have containers, with their states and config files. */
export function composeLsCommand({ io, cmd, engine }: CommandContext): number {
  const projects = new Map<string, { states: Map<string, number>; files: string }>();
  for (const r of engine.containers.list()) {
    const name = r.Config.Labels?.[LABEL.project];
    if (!name || r.Config.Labels[LABEL.oneoff] === 'True') continue;
    const entry = projects.get(name) ?? { states: new Map(), files: r.Config.Labels[LABEL.configFiles] ?? '' };
    entry.states.set(r.State.Status, (entry.states.get(r.State.Status) ?? 0) + 1);
    projects.set(name, entry);
  }
  const all = flagBool(cmd.flags, 'all');
  const rows = [...projects.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
    .filter(([, p]) => all || p.states.has('running'))
    .map(([name, p]) => [name, [...p.states.entries()].map(([s, n]) => `${s}(${n})`).join(', '), p.files]);
  if (flagBool(cmd.flags, 'quiet')) io.out(rows.map(([name]) => name + '\n').join(''));
  else io.out(table(['NAME', 'STATUS', 'CONFIG FILES'], rows).map((l) => l + '\n').join(''));
  return 0;
}
