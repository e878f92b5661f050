import type { SQLInputValue } from 'node:sqlite';
import {
  planReviewSchema,
  terraformLockInfoSchema,
  terraformRunSchema,
  type ChangeCounts,
  type PlanReview,
  type RunKind,
  type RunLogEntry,
  type RunPhase,
  type RunStatus,
  type TerraformLockInfo,
  type TerraformRun,
} from '../../../shared/contract/terraform';
import type { ApiError } from '../../../shared/errors';
import type { Store } from '../store/database';
import type { OutputStream } from './parse-terraform-line';
import { parseTerraformLine } from './parse-terraform-line';

interface RunRow {
  id: string;
  workspace_key: string;
  kind: string;
  status: string;
  phase: string;
  plan_run_id: string | null;
  applied_by: string | null;
  started_at: string;
  ended_at: string | null;
  exit_code: number | null;
  changes: string | null;
  error: string | null;
  lock_info: string | null;
  binary: string | null;
  event_count: number;
}

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  endedAt: string;
  exitCode: number | null;
  error?: ApiError | undefined;
  lock?: TerraformLockInfo | undefined;
}

export interface LogLine {
  stream: OutputStream;
  line: string;
}

/** The run record's columns, named. A plan's review lives in `terraform_plan_reviews` (migration 11). */
const SELECT_RUN = `
  SELECT r.id, r.workspace_key, r.kind, r.status, r.phase, r.plan_run_id, r.started_at, r.ended_at,
    r.exit_code, r.pid, r.changes, r.error, r.lock_info, r.binary, r.event_count,
    (SELECT a.id FROM terraform_runs a WHERE a.plan_run_id = r.id) AS applied_by
  FROM terraform_runs r`;

/** Reviews kept parsed, so the review step and the apply check do not parse the stored JSON again. */
const CACHED_REVIEWS = 16;

/** Runs and their logs in the store; every write is one transaction. */
export class RunRepository {
  /** A plan's review never changes once stored: the last few, by run id, as stored (never mutated). */
  readonly #reviews = new Map<string, PlanReview>();

  constructor(private readonly store: Store) {}

  create(run: {
    id: string;
    workspaceKey: string;
    kind: RunKind;
    phase: RunPhase;
    planRunId?: string | undefined;
    startedAt: string;
    binary: { path: string; version: string } | undefined;
  }): TerraformRun {
    this.store.db
      .prepare(
        `INSERT INTO terraform_runs (id, workspace_key, kind, status, phase, plan_run_id, started_at, binary)
         VALUES (?, ?, ?, 'running', ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.workspaceKey,
        run.kind,
        run.phase,
        run.planRunId ?? null,
        run.startedAt,
        run.binary ? JSON.stringify(run.binary) : null,
      );
    return this.get(run.id) as TerraformRun;
  }

  get(id: string): TerraformRun | undefined {
    const row = this.store.db.prepare(`${SELECT_RUN} WHERE r.id = ?`).get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  list(options: { workspaceKey?: string | undefined; limit: number }): TerraformRun[] {
    const where = options.workspaceKey === undefined ? '' : 'WHERE r.workspace_key = ?';
    const params: SQLInputValue[] = options.workspaceKey === undefined ? [] : [options.workspaceKey];
    const rows = this.store.db
      .prepare(`${SELECT_RUN} ${where} ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?`)
      .all(...params, options.limit) as unknown as RunRow[];
    return rows.map(toRun);
  }

  /** Runs recorded as running, with the process id of their last Terraform step. */
  running(): { run: TerraformRun; pid: number | undefined }[] {
    const rows = this.store.db.prepare(`${SELECT_RUN} WHERE r.status = 'running'`).all() as unknown as (RunRow & {
      pid: number | null;
    })[];
    return rows.map((row) => ({ run: toRun(row), pid: row.pid ?? undefined }));
  }

  setPhase(id: string, phase: RunPhase, pid: number | undefined): void {
    this.store.db.prepare('UPDATE terraform_runs SET phase = ?, pid = ? WHERE id = ?').run(phase, pid ?? null, id);
  }

  setChanges(id: string, changes: ChangeCounts): void {
    this.store.db.prepare('UPDATE terraform_runs SET changes = ? WHERE id = ?').run(JSON.stringify(changes), id);
  }

  setPlan(id: string, review: PlanReview, planFile: string): void {
    this.store.db
      .prepare('INSERT OR REPLACE INTO terraform_plan_reviews (run_id, review, plan_file) VALUES (?, ?, ?)')
      .run(id, JSON.stringify(review), planFile);
    this.#remember(id, review);
  }

  plan(id: string): { review: PlanReview | undefined; planFile: string | undefined } {
    const cached = this.#reviews.get(id);
    if (cached) {
      const row = this.store.db.prepare('SELECT plan_file FROM terraform_plan_reviews WHERE run_id = ?').get(id) as
        { plan_file: string } | undefined;
      return { review: cached, planFile: row?.plan_file };
    }
    const row = this.store.db
      .prepare('SELECT review, plan_file FROM terraform_plan_reviews WHERE run_id = ?')
      .get(id) as { review: string; plan_file: string } | undefined;
    const review = row ? planReviewSchema.parse(JSON.parse(row.review)) : undefined;
    if (review) this.#remember(id, review);
    return { review, planFile: row?.plan_file };
  }

  #remember(id: string, review: PlanReview): void {
    this.#reviews.delete(id);
    this.#reviews.set(id, review);
    for (const oldest of this.#reviews.keys()) {
      if (this.#reviews.size <= CACHED_REVIEWS) break;
      this.#reviews.delete(oldest);
    }
  }

  finish(id: string, end: RunEnd): TerraformRun {
    this.store.db
      .prepare(
        'UPDATE terraform_runs SET status = ?, ended_at = ?, exit_code = ?, error = ?, lock_info = ?, pid = NULL WHERE id = ?',
      )
      .run(
        end.status,
        end.endedAt,
        end.exitCode,
        end.error ? JSON.stringify(end.error) : null,
        end.lock ? JSON.stringify(end.lock) : null,
        id,
      );
    return this.get(id) as TerraformRun;
  }

  /** Appends log lines in one transaction, numbered after those already stored. */
  appendLog(id: string, firstSeq: number, lines: readonly LogLine[]): void {
    if (lines.length === 0) return;
    this.store.transaction(() => {
      const insert = this.store.db.prepare(
        'INSERT INTO terraform_run_events (run_id, seq, stream, line) VALUES (?, ?, ?, ?)',
      );
      lines.forEach((entry, index) => insert.run(id, firstSeq + index, entry.stream, entry.line));
      this.store.db.prepare('UPDATE terraform_runs SET event_count = ? WHERE id = ?').run(firstSeq + lines.length, id);
    });
  }

  log(id: string, afterSeq: number, limit: number): RunLogEntry[] {
    const rows = this.store.db
      .prepare('SELECT seq, stream, line FROM terraform_run_events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(id, afterSeq, limit) as unknown as { seq: number; stream: OutputStream; line: string }[];
    return rows.map((row) => ({ seq: row.seq, event: parseTerraformLine(row.line, row.stream) }));
  }

  /** The most recent lock a run of this workspace was refused by. */
  lastLock(workspaceKey: string): TerraformLockInfo | undefined {
    const row = this.store.db
      .prepare(
        `SELECT lock_info FROM terraform_runs WHERE workspace_key = ? AND lock_info IS NOT NULL
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(workspaceKey) as { lock_info: string } | undefined;
    return row ? terraformLockInfoSchema.parse(JSON.parse(row.lock_info)) : undefined;
  }

  getSetting(name: string): string | undefined {
    const row = this.store.db.prepare('SELECT value FROM terraform_settings WHERE name = ?').get(name) as
      { value: string } | undefined;
    return row?.value;
  }

  setSetting(name: string, value: string | null): void {
    if (value === null) this.store.db.prepare('DELETE FROM terraform_settings WHERE name = ?').run(name);
    else
      this.store.db
        .prepare(
          'INSERT INTO terraform_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
        )
        .run(name, value);
  }
}

function toRun(row: RunRow): TerraformRun {
  return terraformRunSchema.parse({
    id: row.id,
    workspaceKey: row.workspace_key,
    kind: row.kind,
    status: row.status,
    phase: row.phase,
    ...(row.plan_run_id ? { planRunId: row.plan_run_id } : {}),
    ...(row.applied_by ? { appliedByRunId: row.applied_by } : {}),
    startedAt: row.started_at,
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    exitCode: row.exit_code,
    ...(row.changes ? { changes: JSON.parse(row.changes) as unknown } : {}),
    ...(row.error ? { error: JSON.parse(row.error) as unknown } : {}),
    ...(row.lock_info ? { lock: JSON.parse(row.lock_info) as unknown } : {}),
    ...(row.binary ? { binary: JSON.parse(row.binary) as unknown } : {}),
    eventCount: row.event_count,
  });
}
