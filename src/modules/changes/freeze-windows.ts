import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { toFreezeWindow } from './presenter.ts';
import type { CreateFreezeWindowBody, FreezeWindow, FreezeWindowQuery } from './schema.ts';
import * as store from './store.ts';
import type { FreezeWindowsTable } from './tables.ts';

/** Freeze windows: periods in which changes are not scheduled (emergencies excepted). */
export function createFreezeWindows({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  async function listFreezeWindows(
    actor: Actor,
    engagementId: string,
    query: FreezeWindowQuery,
  ): Promise<FreezeWindow[]> {
    authorize(actor, 'change.read', engagementId);
    const rows = await store.listFreezeWindows(db, engagementId, {
      from: query.from && new Date(query.from).toISOString(),
      to: query.to && new Date(query.to).toISOString(),
    });
    return rows.map(toFreezeWindow);
  }

  async function createFreezeWindow(
    actor: Actor,
    engagementId: string,
    body: CreateFreezeWindowBody,
  ): Promise<FreezeWindow> {
    authorize(actor, 'freeze.manage', engagementId);
    const name = body.name.trim();
    if (name === '') throw new Invalid('Name the freeze window.', [{ path: '/name', message: 'is blank' }]);
    if (!(Date.parse(body.startsAt) < Date.parse(body.endsAt))) {
      throw new Invalid('A freeze window must end after it starts.', [
        { path: '/endsAt', message: 'is not after startsAt' },
      ]);
    }
    const row: FreezeWindowsTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      name,
      reason: body.reason?.trim() ?? '',
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      created_by: actor.userId,
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertFreezeWindow(trx, row);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'freeze_window.created',
          targetType: 'freeze_window',
          targetId: row.id,
          after: row,
        },
        now(),
      );
    });
    return toFreezeWindow(row);
  }

  /** Lifting a freeze does not reschedule anything; changes already scheduled keep their windows. */
  async function deleteFreezeWindow(
    actor: Actor,
    engagementId: string,
    freezeWindowId: string,
  ): Promise<void> {
    authorize(actor, 'freeze.manage', engagementId);
    await db.transaction().execute(async (trx) => {
      const before = await store.findFreezeWindow(trx, engagementId, freezeWindowId);
      if (!before) throw new NotFound();
      await store.deleteFreezeWindow(trx, engagementId, freezeWindowId);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'freeze_window.deleted',
          targetType: 'freeze_window',
          targetId: before.id,
          before,
        },
        now(),
      );
    });
  }

  return { listFreezeWindows, createFreezeWindow, deleteFreezeWindow };
}
