// Bundles the guest agent (src/engine/agent) into one ES module for QuickJS.
import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_DIR } from '../../src/lib/guest/node';

export async function bundleAgent(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(REPO_DIR, 'src/engine/agent/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['os', 'std', 'dockhand:kernel'],
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}
