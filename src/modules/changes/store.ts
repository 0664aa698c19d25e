import { sql } from 'kysely';
import type { ChangeState, ChangeType } from '../../domain/changes/lifecycle.ts';
import type { Party } from '../../platform/access/roles.ts';
import { type Db, dialectOf } from '../../platform/db/database.ts';
import { after, type KeysetColumn } from '../../platform/db/keyset.ts';
import type {
  ChangeApprovalsTable,
  ChangeRequestsTable,
  ChangeTemplatesTable,
  FreezeWindowsTable,
} from './tables.ts';

export type ChangeSort = 'updated' | 'window';

export const SORTS: Readonly<Record<ChangeSort, readonly KeysetColumn[]>> = {
  updated: [
    { ref: 'change_requests.updated_at', direction: 'desc' },
    { ref: 'change_requests.id', direction: 'desc' },
  ],
  // The calendar: only changes with a window are listed, so window_start is never null here.
  window: [
    { ref: 'change_requests.window_start', direction: 'asc' },
    { ref: 'change_requests.id', direction: 'asc' },
  ],
};

function changes(db: Db) {
  return db
    .selectFrom('change_requests')
    .innerJoin('tickets', (join) =>
      join
        .onRef('tickets.engagement_id', '=', 'change_requests.engagement_id')
        .onRef('tickets.id', '=', 'change_requests.id'),
    )
    .innerJoin('engagements', 'engagements.id', 'change_requests.engagement_id')
    .selectAll('change_requests')
    .select([
      'tickets.title',
      'tickets.description',
      'tickets.priority',
      'tickets.owner_party',
      'tickets.created_by',
      'tickets.number',
      'tickets.status as ticket_status',
      'engagements.ticket_prefix',
    ]);
}

export type ChangeListRow = NonNullable<Awaited<ReturnType<typeof findChange>>>;

export function findChange(db: Db, engagementId: string, changeId: string) {
  return changes(db)
    .where('change_requests.engagement_id', '=', engagementId)
    .where('change_requests.id', '=', changeId)
    .executeTakeFirst();
}

/**
 * Holds the change row until the transaction ends, so two approvers deciding at once count
 * each other's decisions. SQLite transactions already serialize writers.
 */
export async function lockChange(trx: Db, engagementId: string, changeId: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await trx
    .selectFrom('change_requests')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('id', '=', changeId)
    .forUpdate()
    .execute();
}

export interface ChangeFilter {
  readonly engagementId: string;
  readonly states?: readonly ChangeState[];
  readonly type?: ChangeType;
  /** Windows overlapping [from, to); either end may be open. */
  readonly from?: string;
  readonly to?: string;
  /** Only changes awaiting approval that this user has not decided yet. */
  readonly undecidedBy?: string;
  readonly sort: ChangeSort;
  readonly after?: readonly (string | number)[];
  readonly limit: number;
}

export function listChanges(db: Db, f: ChangeFilter) {
  let query = changes(db).where('change_requests.engagement_id', '=', f.engagementId);
  if (f.states?.length) query = query.where('change_requests.state', 'in', f.states);
  if (f.type) query = query.where('change_requests.type', '=', f.type);
  if (f.from !== undefined || f.to !== undefined)
    query = query.where('change_requests.window_start', 'is not', null);
  if (f.from !== undefined) query = query.where('change_requests.window_end', '>', f.from);
  if (f.to !== undefined) query = query.where('change_requests.window_start', '<', f.to);
  if (f.undecidedBy !== undefined) {
    const userId = f.undecidedBy;
    // The SQL form of awaitsApproval() in domain/changes/lifecycle.ts.
    query = query
      .where('change_requests.approval', '=', 'pending')
      .where('change_requests.type', '!=', 'standard')
      .where((eb) =>
        eb.or([
          eb('change_requests.state', '=', 'submitted'),
          eb.and([
            eb('change_requests.type', '=', 'emergency'),
            eb('change_requests.state', 'not in', ['draft', 'rejected', 'approved']),
          ]),
        ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('change_approvals')
              .select('change_approvals.approver_id')
              .whereRef('change_approvals.engagement_id', '=', 'change_requests.engagement_id')
              .whereRef('change_approvals.change_id', '=', 'change_requests.id')
              .where('change_approvals.approver_id', '=', userId),
          ),
        ),
      );
  }
  const order = SORTS[f.sort];
  if (f.after) {
    const position = f.after;
    query = query.where((eb) => after(eb, order, position));
  }
  for (const column of order) query = query.orderBy(sql.ref(column.ref), column.direction);
  return query.limit(f.limit + 1).execute();
}

export async function insertChange(db: Db, row: ChangeRequestsTable): Promise<void> {
  await db.insertInto('change_requests').values(row).execute();
}

export async function updateChange(
  db: Db,
  engagementId: string,
  changeId: string,
  changes: Partial<ChangeRequestsTable>,
): Promise<void> {
  await db
    .updateTable('change_requests')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', changeId)
    .execute();
}

/** Decisions of these changes' current rounds, with the approvers' names, oldest first. */
export function approvalsOf(db: Db, engagementId: string, changeIds: readonly string[]) {
  return db
    .selectFrom('change_approvals')
    .innerJoin('users', 'users.id', 'change_approvals.approver_id')
    .selectAll('change_approvals')
    .select('users.name as approver_name')
    .where('change_approvals.engagement_id', '=', engagementId)
    .where('change_approvals.change_id', 'in', changeIds.length ? changeIds : [''])
    .orderBy('change_approvals.decided_at')
    .orderBy('change_approvals.approver_id')
    .execute();
}
export type ApprovalListRow = Awaited<ReturnType<typeof approvalsOf>>[number];

export async function insertApproval(db: Db, row: ChangeApprovalsTable): Promise<void> {
  await db.insertInto('change_approvals').values(row).execute();
}

/** Starts a new approval round: a revised change is decided afresh. */
export async function clearApprovals(db: Db, engagementId: string, changeId: string): Promise<void> {
  await db
    .deleteFrom('change_approvals')
    .where('engagement_id', '=', engagementId)
    .where('change_id', '=', changeId)
    .execute();
}

/** Members of the party who may approve its changes: its managers and admins, not disabled. */
export async function approverIds(db: Db, engagementId: string, party: Party): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.engagement_id', '=', engagementId)
    .where('memberships.party', '=', party)
    .where('memberships.role', 'in', ['manager', 'admin'])
    .where('users.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

export function listTemplates(db: Db, engagementId: string) {
  return db
    .selectFrom('change_templates')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findTemplate(db: Db, engagementId: string, templateId: string) {
  return db
    .selectFrom('change_templates')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', templateId)
    .executeTakeFirst();
}

export async function insertTemplate(db: Db, row: ChangeTemplatesTable): Promise<void> {
  await db.insertInto('change_templates').values(row).execute();
}

/** Freeze windows ending after `from` and starting before `to`, earliest first. */
export function listFreezeWindows(db: Db, engagementId: string, range: { from?: string; to?: string } = {}) {
  let query = db.selectFrom('freeze_windows').selectAll().where('engagement_id', '=', engagementId);
  if (range.from !== undefined) query = query.where('ends_at', '>', range.from);
  if (range.to !== undefined) query = query.where('starts_at', '<', range.to);
  return query.orderBy('starts_at').orderBy('id').execute();
}

export function findFreezeWindow(db: Db, engagementId: string, freezeWindowId: string) {
  return db
    .selectFrom('freeze_windows')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', freezeWindowId)
    .executeTakeFirst();
}

export async function insertFreezeWindow(db: Db, row: FreezeWindowsTable): Promise<void> {
  await db.insertInto('freeze_windows').values(row).execute();
}

export async function deleteFreezeWindow(
  db: Db,
  engagementId: string,
  freezeWindowId: string,
): Promise<void> {
  await db
    .deleteFrom('freeze_windows')
    .where('engagement_id', '=', engagementId)
    .where('id', '=', freezeWindowId)
    .execute();
}
