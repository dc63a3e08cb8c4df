import { describe, expect, it } from 'vitest';
import { LABEL } from './labels';
import type { EngineState } from './labels';
import { projectFromLabels } from './from-labels';
import { planDown } from './plan';

const c = (service: string, dependsOn = '', project = 'demo') => ({
  id: `id-${service}`, name: `${project}-${service}-1`, running: true,
  labels: { [LABEL.project]: project, [LABEL.service]: service, [LABEL.oneoff]: 'False', [LABEL.dependsOn]: dependsOn, [LABEL.workingDir]: '/tmp/demo' },
});
const state: EngineState = {
  containers: [c('web', 'store:service_healthy:false,gone:service_started:false'), c('store'), c('other', '', 'else')],
  networks: [{ name: 'demo_default', labels: { [LABEL.project]: 'demo', [LABEL.network]: 'default' } }, { name: 'bridge', labels: {} }],
  volumes: [{ name: 'demo_data', labels: { [LABEL.project]: 'demo', [LABEL.volume]: 'data' } }, { name: 'mine', labels: {} }],
  images: [],
};

describe('projectFromLabels', () => {
  const project = projectFromLabels(state, 'demo');

  it('finds the services, their dependencies, networks and volumes by label', () => {
    expect(project.services.map((s) => s.name)).toEqual(['web', 'store']);
    expect(project.services[0].dependsOn).toEqual({ store: { condition: 'service_healthy', restart: false, required: true } });
    expect(project.networks).toEqual({ default: { name: 'demo_default', external: false, driver: 'bridge', internal: false, labels: {} } });
    expect(Object.keys(project.volumes)).toEqual(['data']);
    expect(project.workingDir).toBe('/tmp/demo');
  });

  it('is enough for down -v: dependents first, then the network and the volume', () => {
    const plan = planDown(project, state, { volumes: true });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.steps.map((s) => `${s.action} ${s.name}`)).toEqual([
      'remove-container demo-web-1', 'remove-container demo-store-1', 'remove-network demo_default', 'remove-volume demo_data',
    ]);
  });
});
