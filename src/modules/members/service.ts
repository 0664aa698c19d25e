import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Role } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import type { TicketService } from '../tickets/service.ts';
import type { AddMemberBody, Member } from './schema.ts';
import * as store from './store.ts';

export type MemberService = ReturnType<typeof createMemberService>;

/**
 * Who belongs to an engagement, for which party, in which role. A user's party follows from
 * their organization: the provider's staff join as provider (in any number of engagements),
 * the client's staff as internal (only in their own company's engagement).
 */
export function createMemberService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  tickets: Pick<TicketService, 'detach'>,
) {
  async function listMembers(actor: Principal, engagementId: string): Promise<Member[]> {
    authorize(actor, 'member.read', engagementId);
    const [rows, teams] = await Promise.all([
      store.listMembers(db, engagementId),
      store.teamsOfMembers(db, engagementId),
    ]);
    return rows.map((row) => toMember(row, teams));
  }

  async function addMember(actor: Principal, engagementId: string, body: AddMemberBody): Promise<Member> {
    authorize(actor, 'member.manage', engagementId);
    mayGrant(actor, engagementId, body.role);
    const user = await db
      .selectFrom('users')
      .select(['id', 'organization_id'])
      .where('email', '=', body.email.trim().toLowerCase())
      .executeTakeFirst();
    if (!user)
      throw new Invalid('No user has this e-mail; create the user first.', [
        { path: '/email', message: 'is not a user' },
      ]);
    const party = (await store.partyOfOrganization(db, engagementId, user.organization_id))?.kind;
    if (!party) {
      throw new Invalid('This user belongs to neither party of the engagement.', [
        { path: '/email', message: 'is not provider or client staff' },
      ]);
    }
    if (body.role === 'requester' && party === 'provider') {
      throw new Invalid('Requesters are the client’s employees.', [
        { path: '/role', message: 'requester is for internal users' },
      ]);
    }
    const row = {
      engagement_id: engagementId,
      user_id: user.id,
      party,
      role: body.role as Role,
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertMembership(trx, row).catch(conflictOnDuplicate('This user is already a member.'));
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'member.added', targetType: 'member', targetId: user.id, after: row },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'member.added', id: user.id });
    return memberOrThrow(engagementId, user.id);
  }

  async function changeRole(
    actor: Principal,
    engagementId: string,
    userId: string,
    role: Role,
  ): Promise<Member> {
    authorize(actor, 'member.manage', engagementId);
    const before = await store.findMember(db, engagementId, userId);
    if (!before) throw new NotFound();
    mayGrant(actor, engagementId, role);
    mayGrant(actor, engagementId, before.role);
    await db.transaction().execute(async (trx) => {
      if (before.role === 'admin' && role !== 'admin') await keepOneAdmin(trx, engagementId);
      await store.updateRole(trx, engagementId, userId, role);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'member.role_changed',
          targetType: 'member',
          targetId: userId,
          before: { role: before.role },
          after: { role },
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'member.updated', id: userId });
    return memberOrThrow(engagementId, userId);
  }

  async function removeMember(actor: Principal, engagementId: string, userId: string): Promise<void> {
    authorize(actor, 'member.manage', engagementId);
    const before = await store.findMember(db, engagementId, userId);
    if (!before) throw new NotFound();
    mayGrant(actor, engagementId, before.role);
    await db.transaction().execute(async (trx) => {
      if (before.role === 'admin') await keepOneAdmin(trx, engagementId);
      await tickets.detach(trx, engagementId, { userId });
      await store.deleteMembership(trx, engagementId, userId);
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'member.removed', targetType: 'member', targetId: userId, before },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'member.removed', id: userId });
  }

  /** Managers run their engagement's roster but cannot make or unmake admins. */
  function mayGrant(actor: Principal, engagementId: string, role: Role): void {
    if (role !== 'admin' || actor.kind === 'system') return;
    if (actor.engagements.get(engagementId)?.role !== 'admin')
      throw new Forbidden('Only an admin may grant or change the admin role.');
  }

  async function keepOneAdmin(trx: typeof db, engagementId: string): Promise<void> {
    if ((await store.countAdmins(trx, engagementId)) <= 1)
      throw new Conflict('An engagement keeps at least one admin.');
  }

  async function memberOrThrow(engagementId: string, userId: string): Promise<Member> {
    const row = await store.findMember(db, engagementId, userId);
    if (!row) throw new NotFound();
    return toMember(row, await store.teamsOfMembers(db, engagementId));
  }

  return { listMembers, addMember, changeRole, removeMember };
}

function toMember(
  row: store.MemberRow,
  teams: readonly { user_id: string; id: string; name: string }[],
): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    party: row.party,
    disabled: row.disabled_at !== null,
    teams: teams.filter((t) => t.user_id === row.user_id).map((t) => ({ id: t.id, name: t.name })),
  };
}
