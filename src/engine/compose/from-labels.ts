// `docker compose -p NAME down` (ps, logs, stop …) without a compose file: the project as its
// labels describe it, as compose does — services from the containers (depends_on from their
// label, for the order), networks and volumes from the objects labelled with the project. Pure.
import { LABEL } from './labels';
import type { EngineState } from './labels';
import type { ComposeProject, DependCondition, ServiceConfig } from './model';

export function projectFromLabels(state: EngineState, name: string): ComposeProject {
  const project: ComposeProject = { name, workingDir: '/', services: [], networks: {}, volumes: {}, warnings: [] };
  for (const c of state.containers) {
    const labels = c.labels;
    if (labels[LABEL.project] !== name || labels[LABEL.oneoff] === 'True') continue;
    project.workingDir = labels[LABEL.workingDir] ?? project.workingDir;
    const service = labels[LABEL.service];
    if (!service || project.services.some((s) => s.name === service)) continue;
    project.services.push(bareService(service, labels[LABEL.image], labels[LABEL.dependsOn] ?? ''));
  }
  const known = new Set(project.services.map((s) => s.name));
  for (const s of project.services) {
    for (const dep of Object.keys(s.dependsOn)) if (!known.has(dep)) delete s.dependsOn[dep];
  }
  for (const n of state.networks) {
    const key = n.labels[LABEL.network];
    if (n.labels[LABEL.project] === name && key) {
      project.networks[key] = { name: n.name, external: false, driver: 'bridge', internal: false, labels: {} };
    }
  }
  for (const v of state.volumes) {
    const key = v.labels[LABEL.volume];
    if (v.labels[LABEL.project] === name && key) {
      project.volumes[key] = { name: v.name, external: false, driver: 'local', driverOpts: {}, labels: {} };
    }
  }
  return project;
}

/** A service known only by its labels; `depends_on` is `name:condition:restart,…`. */
function bareService(name: string, image: string | undefined, dependsOn: string): ServiceConfig {
  const deps: ServiceConfig['dependsOn'] = {};
  for (const entry of dependsOn.split(',').filter(Boolean)) {
    const [dep, condition = 'service_started', restart = 'false'] = entry.split(':');
    deps[dep] = { condition: condition as DependCondition, restart: restart === 'true', required: true };
  }
  return {
    name, line: 0, image, environment: {}, ports: [], volumes: [], networks: {}, dependsOn: deps, restart: 'no', labels: {},
    tty: false, stdinOpen: false, init: false, privileged: false, readOnly: false, capAdd: [], capDrop: [],
  };
}
