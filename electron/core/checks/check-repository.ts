import { checkResultSchema, type CheckResult } from '../../../shared/contract/checks';
import type { StoredTokenCommand } from './token-command';
import type { Store } from '../store/database';

interface CheckRecord {
  id: string;
  association_id: string;
  cloud: 'aws' | 'gcp';
  group_id: string;
  target: string;
  verdict: CheckResult['verdict'];
  headline: string;
  success_line: string | null;
  error: string | null;
  steps: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
}

function toResult(record: CheckRecord): CheckResult | undefined {
  const parsed = checkResultSchema.safeParse({
    id: record.id,
    associationId: record.association_id,
    cloud: record.cloud,
    groupId: record.group_id,
    target: record.target,
    verdict: record.verdict,
    headline: record.headline,
    ...(record.success_line === null ? {} : { successLine: record.success_line }),
    ...(record.error === null ? {} : { error: JSON.parse(record.error) as unknown }),
    steps: JSON.parse(record.steps) as unknown,
    startedAt: record.started_at,
    finishedAt: record.finished_at,
    durationMs: record.duration_ms,
  });
  // A row that no longer parses (hand-edited database) is left out rather than failing the history.
  return parsed.success ? parsed.data : undefined;
}

/** SQL for stored checks and token commands, nothing else. */
export class CheckRepository {
  constructor(private readonly store: Store) {}

  insert(result: CheckResult): void {
    this.store.db
      .prepare(
        `INSERT INTO association_checks
           (id, association_id, cloud, group_id, target, verdict, headline, success_line, error, steps,
            started_at, finished_at, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        result.id,
        result.associationId,
        result.cloud,
        result.groupId,
        result.target,
        result.verdict,
        result.headline,
        result.successLine ?? null,
        result.error ? JSON.stringify(result.error) : null,
        JSON.stringify(result.steps),
        result.startedAt,
        result.finishedAt,
        result.durationMs,
      );
  }

  list(associationId: string, limit: number): CheckResult[] {
    const rows = this.store.db
      .prepare('SELECT * FROM association_checks WHERE association_id = ? ORDER BY started_at DESC, id LIMIT ?')
      .all(associationId, limit) as unknown as CheckRecord[];
    return rows.map(toResult).filter((r): r is CheckResult => r !== undefined);
  }

  tokenCommands(): StoredTokenCommand[] {
    const rows = this.store.db
      .prepare(
        'SELECT environment, command, timeout_seconds, shell, fingerprint FROM check_token_commands ORDER BY environment',
      )
      .all() as unknown as {
      environment: string;
      command: string;
      timeout_seconds: number;
      shell: number;
      fingerprint: string | null;
    }[];
    return rows.map((r) => ({
      environment: r.environment,
      command: r.command,
      timeoutSeconds: r.timeout_seconds,
      shell: r.shell === 1,
      fingerprint: r.fingerprint,
    }));
  }

  tokenCommand(environment: string): StoredTokenCommand | undefined {
    return this.tokenCommands().find((c) => c.environment === environment);
  }

  saveTokenCommand(command: StoredTokenCommand): void {
    this.store.db
      .prepare(
        `INSERT INTO check_token_commands (environment, command, timeout_seconds, shell, fingerprint) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (environment) DO UPDATE SET command = excluded.command, timeout_seconds = excluded.timeout_seconds,
           shell = excluded.shell, fingerprint = excluded.fingerprint`,
      )
      .run(command.environment, command.command, command.timeoutSeconds, command.shell ? 1 : 0, command.fingerprint);
  }

  removeTokenCommand(environment: string): boolean {
    return this.store.db.prepare('DELETE FROM check_token_commands WHERE environment = ?').run(environment).changes > 0;
  }
}
