// `docker compose up -d [SERVICE...]`: the planner's steps (compose/plan.ts planUp) carried out
// with the CLI's own code — images built by `docker build`'s handler, networks and volumes as
// `docker network create` / `docker volume create` make them, each container made by
// createContainer from the flags `docker create` would get (compose/create-flags.ts), then
// started in dependency order once what it depends on is started / healthy / completed.
// A failure undoes what this run made (containers, networks, volumes), so nothing is half up.
// Without -d it then follows the services' output, as compose's attached mode.
import { flagBool, flagNumber } from '../cli/parse';
import { planUp } from '../compose';
import type { ComposeProject, ContainerSpec, UpStep, WaitFor } from '../compose';
import { createArgs } from '../compose/create-flags';
import { quotedVolume } from '../compose/progress';
import { createContainer } from '../runtime/create';
import { networkStore, newEndpoint } from '../runtime/networks';
import type { ContainerRecord } from '../store/container-store';
import { buildService } from './compose-build';
import { displayName, projectRecords, removeRecord, reporter, startRecord, stopRecord, type Report } from './compose-containers';
import { serviceName, streamLogs } from './compose-logs';
import { waitForDependency } from './compose-wait';
import { engineState, loadComposeProject } from './compose-project';
import type { CommandContext } from './context';
import { removalError } from './network';

/** What this run made, to undo on failure. */
interface Made { containers: ContainerRecord[]; networks: string[]; volumes: string[] }

export async function composeUpCommand(ctx: CommandContext): Promise<number> {
  const { io, cmd, engine } = ctx;
  if (flagBool(cmd.flags, 'force-recreate') && flagBool(cmd.flags, 'no-recreate')) {
    io.err('--force-recreate and --no-recreate are incompatible\n');
    return 1;
  }
  const loaded = loadComposeProject(ctx);
  if (!loaded) return 1;
  const { project, files } = loaded;
  const plan = planUp(project, engineState(engine), {
    services: [...cmd.args], build: flagBool(cmd.flags, 'build'), forceRecreate: flagBool(cmd.flags, 'force-recreate'),
    noRecreate: flagBool(cmd.flags, 'no-recreate'), removeOrphans: flagBool(cmd.flags, 'remove-orphans'), configFiles: files,
  });
  if (!plan.ok) {
    io.err(`${plan.error}\n`);
    return 1;
  }
  for (const warning of plan.warnings) io.err(`WARN[0000] ${warning}\n`);
  const refused = refusal(project, plan.steps, flagBool(cmd.flags, 'no-build'));
  if (refused) {
    io.err(`${refused}\n`);
    return 1;
  }
  const report = reporter(io);
  const made: Made = { containers: [], networks: [], volumes: [] };
  const error = await carryOut(ctx, project, plan.steps, made, report);
  if (error !== null) {
    io.err(`${error}\n`);
    await undo(ctx, made, report);
    return 1;
  }
  if (flagBool(cmd.flags, 'detach') || flagBool(cmd.flags, 'no-start')) return 0;
  return attach(ctx, project.name, [...cmd.args], report);
}

/**
 * Attached (`up` without -d): the services' output, prefixed, until they have all exited or
 * the student presses Ctrl-C (the client goes), which stops them, as compose does.
 */
async function attach(ctx: CommandContext, projectName: string, services: string[], report: Report): Promise<number> {
  const { io, cmd, engine } = ctx;
  const records = projectRecords(engine, projectName, services);
  io.out(`Attaching to ${records.map((r) => serviceName(projectName, r)).join(', ')}\n`);
  const ended = await streamLogs(io, projectName, records, { follow: true, tail: -1, timestamps: false, prefix: true });
  if (ended === 'hangup') {
    for (const record of [...records].reverse()) await stopRecord(engine, record, timeoutFlag(cmd), report);
    return 130;
  }
  for (const record of records) io.out(`${serviceName(projectName, record)} exited with code ${record.State.ExitCode}\n`);
  return 0;
}

/** What cannot be done, found before anything is made: an image to pull (no registry here), a build with --no-build. */
function refusal(project: ComposeProject, steps: UpStep[], noBuild: boolean): string | null {
  for (const step of steps) {
    if (step.action === 'pull-image') {
      return `Error response from daemon: pull access denied for ${step.image}, repository does not exist ` +
        `(service "${step.service}"; Dockhand has no registry: use an image from docker images, or give the service a build:)`;
    }
    if (step.action === 'build-image' && noBuild) return `service "${step.service}" has no image ${step.image}: build it (--no-build given)`;
    if (step.action === 'create-volume' && Object.keys(step.driverOpts).length > 0) {
      return `volume ${step.name}: driver_opts are not supported by Dockhand (the local driver keeps a plain directory)`;
    }
  }
  return project.services.length === 0 ? 'no service selected' : null;
}

async function carryOut(ctx: CommandContext, project: ComposeProject, steps: UpStep[], made: Made, report: Report): Promise<string | null> {
  const { cmd, engine } = ctx;
  const created = new Map<string, ContainerRecord>();
  const recreated = new Set<string>();
  const toStart: { service: string; record: ContainerRecord; waitFor: WaitFor[] }[] = [];
  for (const step of steps) {
    switch (step.action) {
      case 'build-image': {
        const ok = await buildService(ctx, step.service, step.image, step.build, { noCache: false, quiet: false, buildArgs: [] }, report);
        if (!ok) return `failed to build the image of service "${step.service}"`;
        break;
      }
      case 'remove-container': {
        const found = engine.containers.find(step.id);
        if (!found.ok) break;
        if (step.reason === 'recreate') {
          // compose shows the replacement as one step: Recreate … Recreated
          recreated.add(step.name);
          report('Container', step.name, 'Recreate');
          const error = await removeRecord(engine, found.record, { volumes: false, timeout: timeoutFlag(cmd) }, () => {});
          if (error) return error;
        } else {
          const error = await removeRecord(engine, found.record, { volumes: false, timeout: timeoutFlag(cmd) }, report);
          if (error) return error;
        }
        break;
      }
      case 'create-network': {
        report('Network', step.name, 'Creating');
        const networks = networkStore();
        const network = networks?.create(step.name, '', step.labels) ?? { error: 'networking is not initialised' };
        if ('error' in network) {
          report('Network', step.name, 'Error');
          return `failed to create network ${step.name}: Error response from daemon: ${network.error}`;
        }
        made.networks.push(step.name);
        report('Network', step.name, 'Created');
        break;
      }
      case 'create-volume': {
        report('Volume', quotedVolume(step.name), 'Creating');
        engine.volumes.create(step.name, step.labels);
        made.volumes.push(step.name);
        report('Volume', quotedVolume(step.name), 'Created');
        break;
      }
      case 'create-container': {
        const name = step.spec.name;
        if (!recreated.has(name)) report('Container', name, 'Creating');
        const record = createFromSpec(ctx, step.spec);
        if (typeof record === 'string') {
          report('Container', name, 'Error');
          return `Error response from daemon: ${record}`;
        }
        made.containers.push(record);
        created.set(step.service, record);
        report('Container', name, recreated.has(name) ? 'Recreated' : 'Created');
        toStart.push({ service: step.service, record, waitFor: step.waitFor });
        break;
      }
      case 'start-container': {
        const found = engine.containers.find(step.id);
        if (found.ok) toStart.push({ service: step.service, record: found.record, waitFor: step.waitFor });
        break;
      }
      case 'keep-container':
        report('Container', step.name, 'Running');
        break;
      case 'pull-image':
        break; // refused before (refusal)
    }
  }
  if (flagBool(cmd.flags, 'no-start')) return null;
  // the planner lists services dependencies first: start them in that order, waiting as asked
  for (const { record, waitFor } of toStart) {
    for (const wait of waitFor) {
      const error = await waitForDependency(ctx, project, wait, report);
      if (error) return error;
    }
    const error = await startRecord(engine, record, report);
    if (error) return `Error response from daemon: failed to start container ${displayName(record)}: ${error}`;
  }
  return null;
}

const timeoutFlag = (cmd: CommandContext['cmd']) => (cmd.changed.includes('timeout') ? flagNumber(cmd.flags, 'timeout') : undefined);

/** createContainer with the flags `docker create` would get; the other networks joined as `docker network connect` does before a start. */
function createFromSpec({ io, engine }: CommandContext, spec: ContainerSpec): ContainerRecord | string {
  const args = createArgs(spec);
  let record: ContainerRecord;
  try {
    record = createContainer(engine.images, engine.containers, args.flags, args.changed, args.image, args.args, { volumes: engine.volumes, cwd: io.request.cwd }).record;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  for (const { name, aliases } of args.moreNetworks) {
    const network = networkStore()?.find(name);
    if (!network) {
      engine.containers.remove(record.Id);
      return `network ${name} not found`;
    }
    record.NetworkSettings = { Networks: { ...(record.NetworkSettings?.Networks ?? {}), [network.Name]: newEndpoint(network, [...aliases]) } };
  }
  if (args.moreNetworks.length) engine.containers.save(record);
  return record;
}

/** After a failure: this run's containers (stopped, removed with their anonymous volumes), then its networks and volumes. */
async function undo({ engine }: CommandContext, made: Made, report: Report): Promise<void> {
  for (const record of [...made.containers].reverse()) {
    if (engine.containers.find(record.Id).ok) await removeRecord(engine, record, { volumes: true, timeout: 0 }, report);
  }
  const networks = networkStore();
  for (const name of made.networks) {
    const network = networks?.find(name);
    if (network && !removalError(network)) {
      networks!.remove(network);
      report('Network', name, 'Removed');
    }
  }
  for (const name of made.volumes) {
    const users = engine.containers.list().filter((c) => (c.Mounts ?? []).some((m) => m.Name === name));
    if (users.length === 0) {
      engine.volumes.remove(name);
      report('Volume', name, 'Removed');
    }
  }
}
