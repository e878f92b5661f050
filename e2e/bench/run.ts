// `npm run bench`: every performance figure from the issues, each as a ratio against a baseline
// measured in the same run, plus the absolute numbers. Run after `electron-vite build` (the filter
// figure drives the built web host). Node runs this file directly (type stripping); the figures are
// loaded through Vite's module runner because they import the app's TypeScript.
import { runnerImport } from 'vite';
// A type-only import: Node's type stripping erases it, so measure.ts is not loaded here.
import type { Figure } from './measure';
import type { machineSettled } from './machine-idle';

const benches: [file: string, exportName: string][] = [
  ['./profile-listing.bench.ts', 'benchProfileListing'],
  ['./profile-filter.bench.ts', 'benchProfileFilter'],
  ['./verify-batch.bench.ts', 'benchVerifyBatch'],
  ['./terraform-apply.bench.ts', 'benchTerraformApply'],
  ['./health-check-all.bench.ts', 'benchHealthCheckAll'],
  ['./health-check-all.bench.ts', 'benchHealthCheckAllAccounts'],
  ['./dashboard-load.bench.ts', 'benchDashboardLoad'],
  ['./apply-events.bench.ts', 'benchApplyEvents'],
  ['./first-route-js.bench.ts', 'benchFirstRouteJs'],
  ['./cold-start.bench.ts', 'benchColdStart'],
  ['./platform-check-all.bench.ts', 'benchPlatformCheckAll'],
  ['./platform-groups.bench.ts', 'benchPlatformGroups'],
  ['./platform-groups.bench.ts', 'benchPlatformGroupsFilter'],
  ['./organization.bench.ts', 'benchOrganizationListing'],
  ['./organization.bench.ts', 'benchOrganizationFilter'],
  ['./preflight-members.bench.ts', 'benchPreflightMembers'],
  ['./role-inspector.bench.ts', 'benchRoleInspectorListing'],
  ['./role-inspector.bench.ts', 'benchRoleInspectorFilter'],
  ['./fleet-plan.bench.ts', 'benchFleetPlan'],
  ['./fleet-board.bench.ts', 'benchFleetBoard'],
  ['./fleet-board.bench.ts', 'benchFleetBoardFilter'],
];

const only = process.argv.slice(2);
const settled = (
  await runnerImport<{ machineSettled: typeof machineSettled }>(new URL('./machine-idle.ts', import.meta.url).pathname)
).module.machineSettled;
let failed = false;
for (const [file, exportName] of benches) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  const path = new URL(file, import.meta.url).pathname;
  try {
    const { module } = await runnerImport<Record<string, () => Promise<Figure>>>(path);
    const bench = module[exportName];
    if (!bench) throw new Error(`${file} does not export ${exportName}`);
    const idle = await settled();
    const figure = await bench();
    const ratioOk = figure.maxRatio === undefined || figure.ratio <= figure.maxRatio;
    const unit = figure.unit ?? 'ms';
    const absoluteOk =
      (figure.maxMs === undefined || figure.value <= figure.maxMs) &&
      (figure.maxValue === undefined || figure.value <= figure.maxValue);
    const bar = [
      figure.maxRatio === undefined ? '' : `ratio ≤ ${figure.maxRatio}`,
      figure.maxMs === undefined ? '' : `≤ ${figure.maxMs} ms`,
      figure.maxValue === undefined ? '' : `≤ ${figure.maxValue} ${unit}`,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`\n${ratioOk && absoluteOk ? 'PASS' : 'FAIL'}  ${figure.name}`);
    console.log(`      ${figure.ratio.toFixed(2)}x ${figure.baselineName}   (bar: ${bar})`);
    console.log(`      ${figure.value.toFixed(1)} ${unit} vs baseline ${figure.baseline.toFixed(1)} ${unit}`);
    console.log(`      ${figure.details}`);
    if (idle !== undefined && idle < 0.9)
      console.log(`      (the machine was still busy when this figure started: ${(idle * 100).toFixed(0)} % idle)`);
    if (!ratioOk || !absoluteOk) failed = true;
  } catch (error) {
    failed = true;
    console.log(`\nERROR ${exportName}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
