// Services in dependency order (depends_on first), stable in file order; a cycle is an error
// that names the services around it: `dependency cycle detected: web -> api -> web`.

export interface DependencyNode {
  name: string;
  dependsOn: Record<string, unknown>;
}

export type Ordered = { ok: true; order: string[] } | { ok: false; error: string; cycle: string[] };

export function dependencyOrder(services: readonly DependencyNode[]): Ordered {
  const byName = new Map(services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const order: string[] = [];
  const stack: string[] = [];
  let cycle: string[] | undefined;

  const visit = (name: string): void => {
    if (done.has(name) || cycle) return;
    const at = stack.indexOf(name);
    if (at >= 0) {
      cycle = [...stack.slice(at), name];
      return;
    }
    const service = byName.get(name);
    if (!service) return;
    stack.push(name);
    for (const dep of Object.keys(service.dependsOn)) visit(dep);
    stack.pop();
    if (cycle) return;
    done.add(name);
    order.push(name);
  };
  for (const s of services) visit(s.name);
  if (cycle) return { ok: false, error: `dependency cycle detected: ${cycle.join(' -> ')}`, cycle };
  return { ok: true, order };
}
