// Bundles the code that runs in the guest (src/engine) into ES modules for QuickJS:
// agent.js (the control agent on ttyS1) and engine.js (the engine daemon, dockhandd).
import { build } from 'esbuild';
import { join } from 'node:path';
import type { GuestFiles } from '../../src/lib/guest/machine-config';
import { REPO_DIR } from '../../src/lib/guest/node';

const ENTRIES: Record<keyof GuestFiles, string> = {
  'agent.js': 'src/engine/agent/main.ts',
  'engine.js': 'src/engine/daemon/main.ts',
};

export async function bundleGuest(): Promise<GuestFiles> {
  const files = {} as GuestFiles;
  for (const [name, entry] of Object.entries(ENTRIES) as [keyof GuestFiles, string][]) {
    const result = await build({
      entryPoints: [join(REPO_DIR, entry)],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external: ['os', 'std', 'dockhand:kernel'],
      write: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    files[name] = result.outputFiles[0].contents;
  }
  return files;
}
