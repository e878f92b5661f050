// The fleet crash test's stand-in for a Liaison process: a fleet run of six accounts (the third and
// fourth slow to apply), planned, approved and applied two at a time with the real runner and
// store. It prints each stage change and Terraform run change, then waits to be killed mid-apply.
// Usage: node --experimental-transform-types --import ../fakes/terraform/ts-import-hooks.mjs fleet-in-child.ts <root>
import { createFleetInputSchema, type FleetItem } from '../../shared/contract/fleet';
import type { TerraformRun } from '../../shared/contract/terraform';
import { accountId, accountOf, createFleetTestBed, fleetInput, slowMainTf } from './fleet-test-bed';

const [root = ''] = process.argv.slice(2);
const bed = createFleetTestBed(root);
bed.contents.set(accountId(2), slowMainTf(6));
bed.contents.set(accountId(3), slowMainTf(6));
bed.events.subscribe((name, payload) => {
  if (name === 'fleetProgress') {
    for (const item of (payload as { items: FleetItem[] }).items) {
      process.stdout.write(`stage ${accountOf(item)} ${item.stage}\n`);
    }
  }
  if (name === 'terraformRunChanged') {
    const { run } = payload as { run: TerraformRun };
    process.stdout.write(`run ${run.workspaceKey} ${run.kind} ${run.phase} ${run.status}\n`);
  }
});
const fleet = bed.fleet.createFleetRun(createFleetInputSchema.parse(fleetInput(6, { concurrency: 2 })));
process.stdout.write(`fleet ${fleet.id}\n`);
bed.fleet.planFleet({ fleetId: fleet.id });
await bed.fleet.idle(fleet.id);
bed.fleet.approveFleetPlans({ fleetId: fleet.id, selection: { kind: 'safe' }, approve: true });
bed.fleet.applyFleet({ fleetId: fleet.id });
setInterval(() => undefined, 60_000);
