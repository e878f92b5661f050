import { awsVerificationSchema, type AwsVerification } from '../../../shared/contract/aws';
import type { Store } from '../store/database';

export interface StoredAwsVerification {
  result: AwsVerification;
  recordedAt: string;
}

/**
 * The last verify result of each profile: the identity (account, ARN, user id, validity) or the typed
 * error. Nothing secret is in either; the credentials themselves are never stored.
 */
export class AwsVerificationRepository {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(result: AwsVerification): void {
    this.store.db
      .prepare(
        `INSERT INTO aws_verifications (profile, result, recorded_at) VALUES (?, ?, ?)
         ON CONFLICT (profile) DO UPDATE SET result = excluded.result, recorded_at = excluded.recorded_at`,
      )
      .run(result.profile, JSON.stringify(result), this.now().toISOString());
  }

  list(): StoredAwsVerification[] {
    const rows = this.store.db
      .prepare('SELECT result, recorded_at FROM aws_verifications ORDER BY profile')
      .all() as unknown as { result: string; recorded_at: string }[];
    // A row that no longer parses (an older shape, a hand edit) is skipped, not a failure.
    return rows.flatMap((row) => {
      const parsed = awsVerificationSchema.safeParse(JSON.parse(row.result));
      return parsed.success ? [{ result: parsed.data, recordedAt: row.recorded_at }] : [];
    });
  }
}
