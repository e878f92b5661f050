import { DEFAULT_HEALTH_SETTINGS, healthSettingsSchema, type HealthSettings } from '../../../shared/contract/health';
import type { Store } from '../store/database';

/** Health settings as name/value rows; anything missing or unreadable falls back to its default. */
export class HealthSettingsRepository {
  constructor(private readonly store: Store) {}

  read(): HealthSettings {
    const rows = this.store.db.prepare('SELECT name, value FROM health_settings').all() as unknown as {
      name: string;
      value: string;
    }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.name] = JSON.parse(row.value) as unknown;
    const merged = { ...DEFAULT_HEALTH_SETTINGS };
    for (const key of Object.keys(DEFAULT_HEALTH_SETTINGS) as (keyof HealthSettings)[]) {
      const field = healthSettingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) Object.assign(merged, { [key]: field.data });
    }
    return merged;
  }

  write(settings: HealthSettings): void {
    const upsert = this.store.db.prepare(
      'INSERT INTO health_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.store.transaction(() => {
      for (const [name, value] of Object.entries(settings)) upsert.run(name, JSON.stringify(value));
    });
  }
}
