// The kill test's stand-in for a Liaison process: runs a check-all whose checks each take 30 ms and
// store a Failing verdict, printing one line per stored check, and waits to be killed mid-run.
// Usage: node --experimental-transform-types --import <ts-import-hooks.mjs> check-all-in-child.ts <dbFile>
import { CheckRepository } from '../../electron/core/checks/check-repository';
import { EventBus } from '../../electron/core/event-bus';
import { createLogger } from '../../electron/core/logger';
import { openStore } from '../../electron/core/store/database';
import { HealthService } from '../../electron/core/health/health-service';
import { checkResultFor } from '../seeders/seed-health';

const [file = ''] = process.argv.slice(2);
const store = openStore(file);
const repository = new CheckRepository(store);
const health = new HealthService({
  store,
  events: new EventBus(),
  logger: createLogger({ level: 'silent' }),
  checks: {
    listAssociationChecks: ({ associationId, limit }) => repository.list(associationId, limit),
    runAssociationCheck: async ({ associationId: id }) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const row = health.getHealthOverview().rows.find((r) => r.associationId === id);
      const result = checkResultFor(
        { id, groupId: row?.groupId ?? '', account: row?.target ?? '' },
        'failing',
        new Date(),
      );
      repository.insert(result);
      process.stdout.write(`stored ${id}\n`);
      return result;
    },
  },
});
health.setHealthSettings({ ...health.getHealthSettings(), concurrency: 2 });
await health.start(undefined).done;
process.stdout.write('finished\n');
setInterval(() => undefined, 60_000);
