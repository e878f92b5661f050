// Sums the Vitest and Playwright JSON reports into the one line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, exitCode] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  notes.push('Vitest did not report (an earlier step failed or the run stopped before it).');
}

if (existsSync(playwrightFile)) {
  const stats = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  if (stats.flaky) notes.push(`FLAKY: ${stats.flaky} e2e test(s) failed once and passed on retry; see the Playwright output above.`);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
} else {
  notes.push('Playwright did not report (an earlier step failed or the run stopped before it).');
}

// A failing lint, typecheck or build has no test count of its own: it still counts as a failure.
if (Number(exitCode) !== 0 && failed === 0) failed = 1;
for (const note of notes) console.log(`NOTE: ${note}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
