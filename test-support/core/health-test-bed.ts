import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '../../shared/contract/checks';
import { CheckRepository } from '../../electron/core/checks/check-repository';
import { EventBus } from '../../electron/core/event-bus';
import { createLogger } from '../../electron/core/logger';
import { openStore, type Store } from '../../electron/core/store/database';
import type { CheckRunner } from '../../electron/core/health/health-service';

/** A real store in a temp dir, an event bus that records, and a check runner the test scripts. */
export function createHealthTestBed() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-health-'));
  const file = join(dir, 'liaison.db');
  const store: Store = openStore(file);
  const events = new EventBus();
  const emitted: { name: string; payload: unknown }[] = [];
  events.subscribe((name, payload) => emitted.push({ name, payload }));
  const repository = new CheckRepository(store);
  const logger = createLogger({ level: 'silent' });
  return {
    dir,
    file,
    store,
    events,
    emitted,
    logger,
    repository,
    /** A runner whose `run` is the test's; `list` reads the real table. */
    runner(run: (associationId: string) => Promise<CheckResult>): CheckRunner {
      return {
        runAssociationCheck: ({ associationId }) => run(associationId),
        listAssociationChecks: ({ associationId, limit }) => repository.list(associationId, limit),
      };
    },
    dispose() {
      if (store.db.isOpen) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
