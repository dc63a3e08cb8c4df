import { describe, expect, it } from 'vitest';
import { loadProject } from './normalize';
import { parseYaml } from './yaml';
import { canonicalProject, goDuration, toYaml } from './render';
import { REALISTIC } from './testdata';

const project = loadProject(REALISTIC, { workingDir: '/home/student/shop', env: {} });

describe('docker compose config', () => {
  it('prints the long syntax with names resolved, as compose does', () => {
    const c = canonicalProject(project) as Record<string, any>;
    expect(c.name).toBe('shop');
    expect(c.services.store.volumes).toEqual([{ type: 'volume', source: 'data', target: '/data' }]);
    expect(c.services.web.ports).toEqual([{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }]);
    expect(c.services.web.depends_on).toEqual({ store: { condition: 'service_healthy', required: true, restart: false } });
    expect(c.services.store.stop_grace_period).toBe('1m30s');
    expect(c.services.store.mem_limit).toBe('67108864');
    expect(c.networks).toEqual({ default: { name: 'shop_default' } });
    expect(c.volumes).toEqual({ data: { name: 'shop_data' } });
  });

  it('its YAML reads back (our own parser) to the same data, strings that look like numbers quoted', () => {
    const c = canonicalProject(project);
    const text = toYaml(c);
    expect(text).toContain('      published: "8080"\n');
    expect(text).toContain('    command:\n      - httpd\n      - -f\n      - -p\n      - "80"\n');
    const back = loadProject(text, { workingDir: '/home/student/shop', env: {} });
    expect(canonicalProject(back)).toEqual(c);
    expect(parseYaml(toYaml({ a: ['yes', 'null', '1.5', 'x: y', 'ok'], b: {}, c: [] }), 'x')).toBeTruthy();
  });

  it('only the services asked for, and what they use', () => {
    const c = canonicalProject(project, ['store']) as Record<string, any>;
    expect(Object.keys(c.services)).toEqual(['store']);
  });

  it.each([[0, '0s'], [0.5, '500ms'], [5, '5s'], [90, '1m30s'], [3600, '1h0m0s'], [3725.5, '1h2m5.5s']])('goDuration(%s) = %s', (s, text) => {
    expect(goDuration(s)).toBe(text);
  });
});
