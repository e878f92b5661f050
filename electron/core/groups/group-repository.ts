import type { Group } from '../../../shared/model';
import type { Store } from '../store/database';

interface GroupRecord {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

function toGroup(record: GroupRecord): Group {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}

/** SQL for groups, nothing else: rules live in the service. */
export class GroupRepository {
  constructor(private readonly store: Store) {}

  list(): Group[] {
    const rows = this.store.db.prepare('SELECT * FROM groups ORDER BY id').all() as unknown as GroupRecord[];
    return rows.map(toGroup);
  }

  find(id: string): Group | undefined {
    const row = this.store.db.prepare('SELECT * FROM groups WHERE id = ?').get(id) as unknown as
      GroupRecord | undefined;
    return row && toGroup(row);
  }

  insert(group: Group): void {
    this.store.db
      .prepare('INSERT INTO groups (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(group.id, group.name, group.description, group.createdAt, group.updatedAt);
  }

  update(group: Group): void {
    this.store.db
      .prepare('UPDATE groups SET name = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(group.name, group.description, group.updatedAt, group.id);
  }

  /** The group and every group below it, by UIDP prefix. */
  listSubtreeIds(id: string): string[] {
    const rows = this.store.db
      .prepare("SELECT id FROM groups WHERE id = ? OR substr(id, 1, length(?) + 1) = ? || '/' ORDER BY id")
      .all(id, id, id) as unknown as { id: string }[];
    return rows.map((row) => row.id);
  }

  delete(id: string): void {
    this.store.db.prepare('DELETE FROM groups WHERE id = ?').run(id);
  }
}
