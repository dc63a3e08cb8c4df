// `npm test`: makes sure the generated files exist (agent bundle, saved state, built app),
// then runs every test (unit, Node guest, Chromium end-to-end) with vitest and ends with
// one summary line, "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { buildState } from './build-state';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

await buildState();
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);

mkdirSync('test-results', { recursive: true });
const status = run('npx', [
  'vitest', 'run', ...process.argv.slice(2),
  '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json',
]);
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('tests: the report is missing (vitest did not finish)');
}
process.exit(status);
