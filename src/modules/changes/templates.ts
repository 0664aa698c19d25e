import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Forbidden, Invalid } from '../../platform/errors.ts';
import { isApprover, notAnApproverMessage } from './approvers.ts';
import { toChangeTemplate } from './presenter.ts';
import type { ChangeTemplate, CreateChangeTemplateBody } from './schema.ts';
import * as store from './store.ts';
import type { ChangeTemplatesTable } from './tables.ts';

/**
 * Templates of standard changes. A template is approved once, by the approver party, so each
 * change made from it is approved on submission.
 */
export function createChangeTemplates({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  async function listTemplates(actor: Actor, engagementId: string): Promise<ChangeTemplate[]> {
    authorize(actor, 'change.read', engagementId);
    return (await store.listTemplates(db, engagementId)).map(toChangeTemplate);
  }

  async function createTemplate(
    actor: Actor,
    engagementId: string,
    body: CreateChangeTemplateBody,
  ): Promise<ChangeTemplate> {
    authorize(actor, 'change.approve', engagementId);
    if (!isApprover(actor, engagementId, 'internal')) {
      throw new Forbidden(
        `A template pre-approves every change made from it. ${notAnApproverMessage(actor, engagementId, 'internal')}`,
      );
    }
    const name = body.name.trim();
    if (name === '') throw new Invalid('Name the template.', [{ path: '/name', message: 'is blank' }]);
    const row: ChangeTemplatesTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      name,
      description: body.description ?? '',
      risk: body.risk ?? 'low',
      impact: body.impact ?? 'low',
      implementation_plan: body.implementationPlan,
      backout_plan: body.backoutPlan,
      test_plan: body.testPlan ?? '',
      created_by: actor.userId,
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store
        .insertTemplate(trx, row)
        .catch(conflictOnDuplicate(`There is already a change template named “${name}”.`));
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'change_template.created',
          targetType: 'change_template',
          targetId: row.id,
          after: row,
        },
        now(),
      );
    });
    return toChangeTemplate(row);
  }

  return { listTemplates, createTemplate };
}
