import type Database from 'better-sqlite3';
import { caseDraftDataSchema, type CaseDraft, type CaseDraftData } from '../../common/contract';

/** The drafts as SQLite keeps them (migration 007), one clerk's at a time. */
type DraftRow = {
  id: string;
  clerk_login: string;
  data: string;
  created_at: string;
  updated_at: string;
};

function toDraft(row: DraftRow): CaseDraft {
  return {
    draftId: row.id,
    // Written through the same schema: parsing fills defaults a newer form may have added.
    data: caseDraftDataSchema.parse(JSON.parse(row.data)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function insertDraft(
  db: Database.Database,
  draft: { id: string; clerkLogin: string; data: CaseDraftData; at: string },
): void {
  db.prepare(
    `INSERT INTO case_drafts (id, clerk_login, data, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(draft.id, draft.clerkLogin, JSON.stringify(draft.data), draft.at, draft.at);
}

/** False when the clerk has no draft with this id. */
export function updateDraft(
  db: Database.Database,
  draft: { id: string; clerkLogin: string; data: CaseDraftData; at: string },
): boolean {
  const { changes } = db
    .prepare(`UPDATE case_drafts SET data = ?, updated_at = ? WHERE id = ? AND clerk_login = ?`)
    .run(JSON.stringify(draft.data), draft.at, draft.id, draft.clerkLogin);
  return changes === 1;
}

export function findDraft(db: Database.Database, id: string, clerkLogin: string): CaseDraft | null {
  const row = db
    .prepare(`SELECT * FROM case_drafts WHERE id = ? AND clerk_login = ?`)
    .get(id, clerkLogin) as DraftRow | undefined;
  return row ? toDraft(row) : null;
}

/** The clerk's drafts, the one changed last first. */
export function listDrafts(db: Database.Database, clerkLogin: string): CaseDraft[] {
  const rows = db
    .prepare(`SELECT * FROM case_drafts WHERE clerk_login = ? ORDER BY updated_at DESC, id`)
    .all(clerkLogin) as DraftRow[];
  return rows.map(toDraft);
}

export function deleteDraft(db: Database.Database, id: string, clerkLogin: string): boolean {
  return (
    db.prepare(`DELETE FROM case_drafts WHERE id = ? AND clerk_login = ?`).run(id, clerkLogin)
      .changes === 1
  );
}

/** Deletes every draft last changed before `cutoff`; the number deleted. */
export function deleteDraftsBefore(db: Database.Database, cutoff: string): number {
  return db.prepare(`DELETE FROM case_drafts WHERE updated_at < ?`).run(cutoff).changes;
}
