import { DEFAULT_ENVIRONMENT } from '../../../shared/terraform/platform-environment';
import type { Store } from '../store/database';

/** One environment's saved row: its API URL when it is not the derived one. */
export interface SavedPlatformEnvironment {
  environment: string;
  apiUrl?: string;
  current: boolean;
}

interface Row {
  environment: string;
  api_url: string | null;
  is_current: number;
}

/** Settings → Platform in the store (table `platform_environments`, migration 10). */
export class PlatformSettingsRepository {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(store: Store, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#now = now;
  }

  list(): SavedPlatformEnvironment[] {
    const rows = this.#store.db
      .prepare('SELECT environment, api_url, is_current FROM platform_environments ORDER BY environment')
      .all() as unknown as Row[];
    return rows.map((row) => ({
      environment: row.environment,
      ...(row.api_url ? { apiUrl: row.api_url } : {}),
      current: row.is_current === 1,
    }));
  }

  /** The environment the operator chose; enforce.dev until one is saved. */
  current(): string {
    const row = this.#store.db.prepare('SELECT environment FROM platform_environments WHERE is_current = 1').get() as
      { environment: string } | undefined;
    return row?.environment ?? DEFAULT_ENVIRONMENT;
  }

  /** The API URL saved for the environment, or undefined when it uses the derived one. */
  savedUrl(environment: string): string | undefined {
    const row = this.#store.db
      .prepare('SELECT api_url FROM platform_environments WHERE environment = ?')
      .get(environment) as { api_url: string | null } | undefined;
    return row?.api_url ?? undefined;
  }

  /** Saves the environment's API URL (undefined: derived) and makes it the current environment. */
  save(environment: string, apiUrl: string | undefined): void {
    const at = this.#now().toISOString();
    this.#store.transaction(() => {
      this.#store.db.prepare('UPDATE platform_environments SET is_current = 0 WHERE is_current = 1').run();
      this.#store.db
        .prepare(
          `INSERT INTO platform_environments (environment, api_url, is_current, updated_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (environment) DO UPDATE SET api_url = excluded.api_url, is_current = 1, updated_at = excluded.updated_at`,
        )
        .run(environment, apiUrl ?? null, at);
    });
  }
}
