import {
  associationValuesSchema,
  type Association,
  type AssociationValues,
} from '../../../shared/contract/associations';
import { associationKindRecord } from '../../../shared/contract/association-kinds';
import type { Store } from '../store/database';

interface AssociationRecord {
  id: string;
  status: 'draft' | 'generated';
  step: number;
  group_id: string | null;
  workspace_key: string | null;
  wizard_values: string;
  created_at: string;
  updated_at: string;
  generated_at: string | null;
}

function toAssociation(record: AssociationRecord): Association {
  // A row that no longer parses (hand-edited database) becomes an empty draft rather than a crash.
  const values = associationValuesSchema.safeParse(JSON.parse(record.wizard_values));
  return {
    id: record.id,
    status: record.status,
    step: record.step,
    values: values.success ? values.data : {},
    ...(record.workspace_key === null ? {} : { workspaceKey: record.workspace_key }),
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    ...(record.generated_at === null ? {} : { generatedAt: record.generated_at }),
  };
}

/**
 * A kind without a group (a role recipe), but the table wants one on every generated row (and keys a
 * workspace's rows by it): the empty id, which no group has, stands for "none" there.
 */
function grouplessId(values: AssociationValues): string | null {
  return associationKindRecord(values).grouped ? null : '';
}

/** SQL for associations, nothing else: rules live in the service. */
export class AssociationRepository {
  constructor(private readonly store: Store) {}

  list(): Association[] {
    const rows = this.store.db
      .prepare('SELECT * FROM associations ORDER BY updated_at DESC, id')
      .all() as unknown as AssociationRecord[];
    return rows.map(toAssociation);
  }

  find(id: string): Association | undefined {
    const row = this.store.db.prepare('SELECT * FROM associations WHERE id = ?').get(id) as unknown as
      AssociationRecord | undefined;
    return row && toAssociation(row);
  }

  /** The generated associations sharing one workspace. */
  listGenerated(workspaceKey: string): Association[] {
    const rows = this.store.db
      .prepare("SELECT * FROM associations WHERE status = 'generated' AND workspace_key = ? ORDER BY group_id")
      .all(workspaceKey) as unknown as AssociationRecord[];
    return rows.map(toAssociation);
  }

  /** Every association (draft or generated) naming one of `groupIds`. */
  listForGroups(groupIds: readonly string[]): Association[] {
    if (groupIds.length === 0) return [];
    const rows = this.store.db
      .prepare(`SELECT * FROM associations WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY group_id, id`)
      .all(JSON.stringify(groupIds)) as unknown as AssociationRecord[];
    return rows.map(toAssociation);
  }

  /** Every draft, newest first. */
  listDrafts(): Association[] {
    const rows = this.store.db
      .prepare("SELECT * FROM associations WHERE status = 'draft' ORDER BY updated_at DESC, id")
      .all() as unknown as AssociationRecord[];
    return rows.map(toAssociation);
  }

  upsert(association: Association): void {
    this.store.db
      .prepare(
        `INSERT INTO associations
           (id, status, step, group_id, workspace_key, wizard_values, created_at, updated_at, generated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           status = excluded.status, step = excluded.step, group_id = excluded.group_id,
           workspace_key = excluded.workspace_key, wizard_values = excluded.wizard_values,
           updated_at = excluded.updated_at, generated_at = excluded.generated_at`,
      )
      .run(
        association.id,
        association.status,
        association.step,
        association.values.groupId ?? grouplessId(association.values),
        association.workspaceKey ?? null,
        JSON.stringify(association.values),
        association.createdAt,
        association.updatedAt,
        association.generatedAt ?? null,
      );
  }

  delete(id: string): void {
    this.store.db.prepare('DELETE FROM associations WHERE id = ?').run(id);
  }
}
