import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult, CheckVerdict } from '../../../shared/contract/checks';
import type { HealthRunStatus } from '../../../shared/contract/health';
import { CoreError } from '../core-error';
import { createHealthTestBed } from '../../../test-support/core/health-test-bed';
import { HealthService, type HealthServiceOptions } from './health-service';
import { checkResultFor, seedAssociations, type SeededAssociation } from '../../../test-support/seeders/seed-health';

const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('HealthService', () => {
  let bed: ReturnType<typeof createHealthTestBed>;
  let service: HealthService | undefined;
  afterEach(() => {
    service?.close();
    bed.dispose();
  });

  function start(
    seeded: SeededAssociation[],
    verdictOf: (association: SeededAssociation) => CheckVerdict | Error,
    delayMs = 5,
    extra: Partial<HealthServiceOptions> = {},
  ) {
    const inFlight = { now: 0, max: 0 };
    const byId = new Map(seeded.map((a) => [a.id, a]));
    service = new HealthService({
      store: bed.store,
      events: bed.events,
      logger: bed.logger,
      timers: noTimers,
      ...extra,
      checks: bed.runner(async (id): Promise<CheckResult> => {
        inFlight.now += 1;
        inFlight.max = Math.max(inFlight.max, inFlight.now);
        try {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          const association = byId.get(id);
          if (!association) throw new Error('unknown');
          const verdict = verdictOf(association);
          if (verdict instanceof Error) throw verdict;
          const result = checkResultFor(association, verdict, new Date());
          bed.repository.insert(result);
          bed.events.emit('associationCheckChanged', { associationId: id, checkId: result.id, verdict });
          return result;
        } finally {
          inFlight.now -= 1;
        }
      }),
    });
    return { service, inFlight };
  }

  it('lists one row per generated association with counts, unchecked before the first run', () => {
    bed = createHealthTestBed();
    seedAssociations(bed.store, 3);
    const { service } = start([], () => 'success');
    const overview = service.getHealthOverview();
    expect(overview.rows).toHaveLength(3);
    expect(overview.rows[0]).toMatchObject({ groupName: 'team-0000', cloud: 'aws', recent: [], drift: 'unknown' });
    expect(overview.rows[0]?.verdict).toBeUndefined();
    expect(overview.counts).toMatchObject({ unchecked: 3, success: 0 });
  });

  it('checks every association within the concurrency limit and counts the verdicts', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 40, 40);
    const { service, inFlight } = start(seeded, (a) => (a.groupId.endsWith('7') ? 'failing' : 'configured'));
    service.setHealthSettings({ ...service.getHealthSettings(), concurrency: 6 });
    const status = await service.start(undefined).done;
    expect(inFlight.max).toBe(6);
    expect(status).toMatchObject({ state: 'finished', total: 40, done: 40 });
    const overview = service.getHealthOverview();
    expect(overview.counts.failing).toBe(seeded.filter((a) => a.groupId.endsWith('7')).length);
    expect(overview.counts.configured + overview.counts.failing).toBe(40);
    const progress = bed.emitted.filter((e) => e.name === 'healthRunProgress').map((e) => e.payload as HealthRunStatus);
    expect(progress.at(-1)).toMatchObject({ state: 'finished', done: 40 });
  });

  it('a check that throws for one account still leaves a verdict for every association', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 12, 3);
    const broken = seeded[0]?.account;
    const { service } = start(seeded, (a) =>
      a.account === broken ? new CoreError({ code: 'CHECK_NOT_CHECKABLE', message: 'boom' }) : 'configured',
    );
    const status = await service.start(undefined).done;
    expect(status.done).toBe(12);
    const rows = service.getHealthOverview().rows;
    expect(rows.every((row) => row.verdict !== undefined)).toBe(true);
    expect(rows.filter((row) => row.verdict === 'error').map((r) => r.target)).toEqual([
      broken,
      broken,
      broken,
      broken,
    ]);
    expect(rows.find((row) => row.verdict === 'error')?.headline).toContain('boom');
  });

  it('refuses a second run while one is going, and cancel stops starting new checks', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 30, 30);
    const { service } = start(seeded, () => 'configured', 20);
    service.setHealthSettings({ ...service.getHealthSettings(), concurrency: 2 });
    const run = service.start(undefined);
    expect(() => service.start(undefined)).toThrow(/already running/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.cancelHealthRun({ runId: run.status.runId })).toEqual({ cancelled: true });
    const status = await run.done;
    expect(status.state).toBe('cancelled');
    expect(status.done).toBeGreaterThan(0);
    expect(status.done).toBeLessThan(30);
    expect(service.getHealthOverview().counts.configured).toBe(status.done);
  });

  it('checks only the selected associations', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 5);
    const { service } = start(seeded, () => 'success');
    const ids = seeded.slice(0, 2).map((a) => a.id);
    expect((await service.start(ids).done).total).toBe(2);
    expect(service.getHealthOverview().counts).toMatchObject({ success: 2, unchecked: 3 });
  });

  it('alerts when an association turns Failing and when it recovers, not on repeats', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 2);
    let verdict: CheckVerdict = 'configured';
    const notify = vi.fn<(title: string, body: string) => 'shown' | 'toast'>(() => 'shown');
    const platform = {
      host: 'electron' as const,
      openExternal: () => Promise.resolve('opened' as const),
      notify,
      confirmProgram: () => Promise.resolve('declined' as const),
    };
    const { service } = start(seeded, (a) => (a === seeded[0] ? verdict : 'configured'), 5, { platform });
    await service.start(undefined).done;
    expect(notify).not.toHaveBeenCalled();
    verdict = 'failing';
    await service.start(undefined).done;
    await service.start(undefined).done;
    verdict = 'success';
    await service.start(undefined).done;
    const alerts = bed.emitted.filter((e) => e.name === 'associationHealthAlert').map((e) => e.payload);
    expect(alerts).toEqual([
      {
        associationId: seeded[0]?.id,
        groupName: 'team-0000',
        target: seeded[0]?.account,
        from: 'configured',
        to: 'failing',
      },
      {
        associationId: seeded[0]?.id,
        groupName: 'team-0000',
        target: seeded[0]?.account,
        from: 'failing',
        to: 'success',
      },
    ]);
    expect(service.getHealthOverview().rows.find((r) => r.associationId === seeded[0]?.id)?.recent).toEqual([
      'configured',
      'failing',
      'failing',
      'success',
    ]);
    expect(notify.mock.calls.map(([title]) => title)).toEqual([
      `team-0000 on ${String(seeded[0]?.account)} turned Failing`,
      `team-0000 on ${String(seeded[0]?.account)} recovered`,
    ]);
    expect(notify.mock.calls[0]?.[1]).toMatch(/^Was Configured\. /);
  });

  it('keeps checking when the desktop refuses a notification', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 1);
    let verdict: CheckVerdict = 'success';
    const notify = vi.fn((): 'shown' => {
      throw new Error('notifications are blocked');
    });
    const platform = {
      host: 'electron' as const,
      openExternal: () => Promise.resolve('opened' as const),
      notify,
      confirmProgram: () => Promise.resolve('declined' as const),
    };
    const { service } = start(seeded, () => verdict, 5, { platform });
    await service.start(undefined).done;
    verdict = 'failing';
    const run = service.start(undefined);
    await run.done;
    expect(notify).toHaveBeenCalledTimes(1);
    expect(run.status).toMatchObject({ state: 'finished', done: 1 });
    expect(bed.emitted.filter((e) => e.name === 'associationHealthAlert')).toHaveLength(1);
  });

  it('stores each workspace drift result on the overview, once per workspace, and joins a running check', async () => {
    bed = createHealthTestBed();
    // Two accounts: associations 0 and 2 share aws-100000000000, 1 is alone in aws-100000000001.
    seedAssociations(bed.store, 3, 2);
    const calls: string[] = [];
    const drift = vi.fn(async (key: string) => {
      calls.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return key.endsWith('0')
        ? { status: 'drift' as const, detail: 'aws_iam_role.canary: update' }
        : { status: 'in-sync' as const };
    });
    const { service } = start([], () => 'success', 5, { drift });
    const [first, second] = await Promise.all([
      service.checkDrift({ workspaceKey: 'aws-100000000000' }),
      service.checkDrift({ workspaceKey: 'aws-100000000000' }),
    ]);
    expect(first).toBe(second);
    expect(calls).toEqual(['aws-100000000000']);
    expect(first).toMatchObject({ workspaceKey: 'aws-100000000000', drift: 'drift' });

    const all = await service.checkAllDrift();
    expect(all.map((d) => [d.workspaceKey, d.drift])).toEqual([
      ['aws-100000000000', 'drift'],
      ['aws-100000000001', 'in-sync'],
    ]);
    const rows = service.getHealthOverview().rows;
    expect(rows.filter((r) => r.drift === 'drift').map((r) => r.driftDetail)).toEqual([
      'aws_iam_role.canary: update',
      'aws_iam_role.canary: update',
    ]);
    expect(rows.filter((r) => r.drift === 'in-sync')).toHaveLength(1);
    expect(() => service.checkDrift({ workspaceKey: 'aws-999' })).toThrow(/No generated association/);
  });

  it('records a drift check that throws as an error rather than losing it', async () => {
    bed = createHealthTestBed();
    seedAssociations(bed.store, 1);
    const { service } = start([], () => 'success', 5, {
      drift: () => Promise.reject(new Error('terraform vanished')),
    });
    expect(await service.checkDrift({ workspaceKey: 'aws-100000000000' })).toMatchObject({
      drift: 'error',
      detail: 'terraform vanished',
    });
    expect(service.getHealthOverview().rows[0]).toMatchObject({ drift: 'error', driftDetail: 'terraform vanished' });
  });

  it('runs drift on the schedule only when the setting is on', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 1);
    let armed: (() => void) | undefined;
    const timers = {
      setTimeout: (callback: () => void) => {
        armed = callback;
        return 1;
      },
      clearTimeout: () => {
        armed = undefined;
      },
    };
    const drift = vi.fn(() => Promise.resolve({ status: 'in-sync' as const }));
    const { service } = start(seeded, () => 'success', 1, { drift, timers });
    const fire = async () => {
      const callback = armed;
      armed = undefined;
      if (!callback) throw new Error('no scheduled run armed');
      callback();
      // The next tick is armed only once the scheduled run (and its drift checks) has finished.
      await vi.waitFor(() => expect(armed).toBeDefined());
    };
    service.setHealthSettings({ ...service.getHealthSettings(), scheduleMinutes: 5 });
    await fire();
    expect(drift).not.toHaveBeenCalled();
    service.setHealthSettings({ ...service.getHealthSettings(), driftOnSchedule: true });
    await fire();
    expect(drift).toHaveBeenCalledWith('aws-100000000000');
  });

  it('exports the overview as CSV with one row per association and as JSON', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 3);
    const { service } = start(seeded, (a) => (a === seeded[1] ? 'failing' : 'configured'));
    await service.start(undefined).done;
    const csv = service.exportHealthOverview({ format: 'csv' });
    const lines = csv.content.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^association_id,group_name,group_id,cloud,account_or_project,verdict,/);
    expect(lines.filter((l) => l.includes(',Failing,'))).toHaveLength(1);
    expect(csv.fileName).toMatch(/\.csv$/);
    const json = JSON.parse(service.exportHealthOverview({ format: 'json' }).content) as { rows: unknown[] };
    expect(json.rows).toHaveLength(3);
    const history = service
      .exportAssociationHistory({ associationId: seeded[1]?.id ?? '', format: 'csv' })
      .content.trim()
      .split('\r\n');
    expect(history).toHaveLength(2);
    expect(history[1]).toContain('Failing');
  });

  it('persists settings and validates them through the stored defaults', () => {
    bed = createHealthTestBed();
    const { service } = start([], () => 'success');
    expect(service.getHealthSettings().scheduleMinutes).toBe(0);
    service.setHealthSettings({
      scheduleMinutes: 60,
      concurrency: 4,
      perAccountPerSecond: 5,
      keepAllDays: 7,
      driftOnSchedule: true,
    });
    expect(service.getHealthSettings()).toEqual({
      scheduleMinutes: 60,
      concurrency: 4,
      perAccountPerSecond: 5,
      keepAllDays: 7,
      driftOnSchedule: true,
    });
  });
});
