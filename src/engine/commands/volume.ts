// `docker volume create | ls | inspect | rm | prune`: named volumes, the data that outlives
// containers (store/volume-store.ts); a volume a container uses cannot be removed.
import { flagBool, flagList, flagString } from '../cli/parse';
import { labelMap } from '../cli/values';
import * as kernel from '../kernel';
import { humanSize } from '../format/human';
import { formatInspect, formatList } from '../format/output';
import { volumeUsers } from '../runtime/volumes';
import { idFromBytes } from '../store/ids';
import type { VolumeRecord } from '../store/volume-store';
import { confirmPrune } from './confirm';
import type { CommandContext } from './context';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Docker's inspect order (fields sorted by name). */
const inspectView = (v: VolumeRecord) => ({
  CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope,
});

export function volumeCreateCommand({ io, cmd, engine }: CommandContext): number {
  const driver = flagString(cmd.flags, 'driver') || 'local';
  if (driver !== 'local') {
    io.err(`Error response from daemon: create ${cmd.args[0] ?? ''}: plugin "${driver}" not found (Dockhand has the local driver only)\n`);
    return 1;
  }
  const name = cmd.args[0] || flagString(cmd.flags, 'name') || idFromBytes(kernel.randomBytes(32));
  if (!NAME.test(name)) {
    io.err(`Error response from daemon: create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n`);
    return 1;
  }
  engine.volumes.create(name, labelMap(flagList(cmd.flags, 'label')));
  io.out(name + '\n');
  return 0;
}

export function volumeLsCommand({ io, cmd, engine }: CommandContext): number {
  let volumes = engine.volumes.list();
  for (const filter of flagList(cmd.flags, 'filter')) {
    const [key, value = ''] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
    if (key === 'dangling') volumes = volumes.filter((v) => (volumeUsers(v.Name, engine.containers).length === 0) === (value === 'true' || value === '1'));
    else if (key === 'name') volumes = volumes.filter((v) => v.Name.includes(value));
    else if (key === 'label') volumes = volumes.filter((v) => { const [k, val] = value.split('='); return k in v.Labels && (val === undefined || v.Labels[k] === val); });
    else if (key === 'driver') volumes = volumes.filter((v) => v.Driver === value);
    else {
      io.err(`Error response from daemon: invalid filter '${filter}'\n`);
      return 1;
    }
  }
  if (flagBool(cmd.flags, 'quiet')) {
    io.out(volumes.map((v) => v.Name + '\n').join(''));
    return 0;
  }
  const rows = volumes.map((v) => ({
    Driver: v.Driver, Name: v.Name, Mountpoint: v.Mountpoint, Scope: v.Scope, CreatedAt: v.CreatedAt,
    Labels: Object.entries(v.Labels).map(([k, val]) => `${k}=${val}`).join(','),
    Links: String(volumeUsers(v.Name, engine.containers).length), Size: 'N/A',
  }));
  const result = formatList(flagString(cmd.flags, 'format'), rows, {
    headers: { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', CreatedAt: 'CREATED' },
    defaultTable: 'table {{.Driver}}\t{{.Name}}', rootType: '*formatter.volumeContext',
  });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}

export function volumeInspectCommand({ io, cmd, engine }: CommandContext): number {
  const items: unknown[] = [];
  const errors: string[] = [];
  for (const name of cmd.args) {
    const volume = engine.volumes.get(name);
    if (volume) items.push(inspectView(volume));
    else errors.push(`Error response from daemon: get ${name}: no such volume`);
  }
  const result = formatInspect(flagString(cmd.flags, 'format'), items);
  io.out(result.output);
  const all = [...result.errors, ...errors];
  if (all.length) io.err(all.join('\n') + '\n');
  return all.length ? 1 : 0;
}

export function volumeRmCommand({ io, cmd, engine }: CommandContext): number {
  const force = flagBool(cmd.flags, 'force');
  let failed = false;
  for (const name of cmd.args) {
    if (!engine.volumes.get(name)) {
      if (!force) {
        io.err(`Error response from daemon: get ${name}: no such volume\n`);
        failed = true;
      }
      continue;
    }
    const users = volumeUsers(name, engine.containers);
    if (users.length > 0) {
      io.err(`Error response from daemon: remove ${name}: volume is in use - [${users.join(', ')}]\n`);
      failed = true;
      continue;
    }
    engine.volumes.remove(name);
    io.out(name + '\n');
  }
  return failed ? 1 : 0;
}

export async function volumePruneCommand({ io, cmd, engine }: CommandContext): Promise<number> {
  const all = flagBool(cmd.flags, 'all');
  if (!flagBool(cmd.flags, 'force')
    && !(await confirmPrune(io, `This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.`, 'volume prune'))) return 1;
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const volume of engine.volumes.list()) {
    if ((!all && !engine.volumes.isAnonymous(volume)) || volumeUsers(volume.Name, engine.containers).length > 0) continue;
    reclaimed += engine.volumes.size(volume.Name);
    engine.volumes.remove(volume.Name);
    deleted.push(volume.Name);
  }
  io.out(`${deleted.length ? `Deleted Volumes:\n${deleted.map((n) => n + '\n').join('')}\n` : ''}Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}
