import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import type { TeamRow } from '../engagements/tables.ts';
import type { TicketService } from '../tickets/service.ts';
import type { CreateTeamBody, Team, UpdateTeamBody } from './schema.ts';
import * as store from './store.ts';

export type TeamService = ReturnType<typeof createTeamService>;

/** Teams inside a party of one engagement (provider SOC, internal infrastructure, …). */
export function createTeamService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  tickets: Pick<TicketService, 'detach'>,
) {
  async function listTeams(actor: Principal, engagementId: string): Promise<Team[]> {
    authorize(actor, 'team.read', engagementId);
    const [teams, members] = await Promise.all([
      store.listTeams(db, engagementId),
      store.teamMembers(db, engagementId),
    ]);
    return teams.map((t) => toTeam(t, members));
  }

  async function createTeam(actor: Principal, engagementId: string, body: CreateTeamBody): Promise<Team> {
    authorize(actor, 'team.manage', engagementId);
    const row = {
      engagement_id: engagementId,
      id: uuidv7(),
      party: body.party,
      name: body.name.trim(),
      description: body.description ?? '',
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertTeam(trx, row).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'team.created', targetType: 'team', targetId: row.id, after: row },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'team.created', id: row.id });
    return toTeam(row, []);
  }

  async function updateTeam(
    actor: Principal,
    engagementId: string,
    teamId: string,
    body: UpdateTeamBody,
  ): Promise<Team> {
    authorize(actor, 'team.manage', engagementId);
    const before = await teamOrThrow(engagementId, teamId);
    const changes = {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
    };
    await db.transaction().execute(async (trx) => {
      await store.updateTeam(trx, engagementId, teamId, changes).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'team.updated',
          targetType: 'team',
          targetId: teamId,
          before,
          after: { ...before, ...changes },
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'team.updated', id: teamId });
    return toTeam({ ...before, ...changes }, await store.teamMembers(db, engagementId));
  }

  async function deleteTeam(actor: Principal, engagementId: string, teamId: string): Promise<void> {
    authorize(actor, 'team.manage', engagementId);
    const before = await teamOrThrow(engagementId, teamId);
    await db.transaction().execute(async (trx) => {
      await tickets.detach(trx, engagementId, { teamId });
      await store.deleteTeam(trx, engagementId, teamId);
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'team.deleted', targetType: 'team', targetId: teamId, before },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'team.deleted', id: teamId });
  }

  /** A team holds members of its own party only. */
  async function addTeamMember(
    actor: Principal,
    engagementId: string,
    teamId: string,
    userId: string,
  ): Promise<void> {
    authorize(actor, 'team.manage', engagementId);
    const team = await teamOrThrow(engagementId, teamId);
    const membership = await store.membershipOf(db, engagementId, userId);
    if (!membership) throw new NotFound();
    if (membership.party !== team.party)
      throw new Invalid(`Only ${team.party} members can join a ${team.party} team.`);
    await db.transaction().execute(async (trx) => {
      await store.addTeamMember(trx, engagementId, teamId, userId);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'team.member_added',
          targetType: 'team',
          targetId: teamId,
          after: { userId },
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'team.updated', id: teamId });
  }

  async function removeTeamMember(
    actor: Principal,
    engagementId: string,
    teamId: string,
    userId: string,
  ): Promise<void> {
    authorize(actor, 'team.manage', engagementId);
    await teamOrThrow(engagementId, teamId);
    await db.transaction().execute(async (trx) => {
      if ((await store.removeTeamMember(trx, engagementId, teamId, userId)) === 0) throw new NotFound();
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'team.member_removed',
          targetType: 'team',
          targetId: teamId,
          before: { userId },
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'team.updated', id: teamId });
  }

  async function teamOrThrow(engagementId: string, teamId: string): Promise<TeamRow> {
    const team = await store.findTeam(db, engagementId, teamId);
    if (!team) throw new NotFound();
    return team;
  }

  return { listTeams, createTeam, updateTeam, deleteTeam, addTeamMember, removeTeamMember };
}

function toTeam(row: TeamRow, members: readonly { team_id: string; user_id: string; name: string }[]): Team {
  return {
    id: row.id,
    name: row.name,
    party: row.party,
    description: row.description,
    members: members.filter((m) => m.team_id === row.id).map((m) => ({ userId: m.user_id, name: m.name })),
  };
}

const duplicateName = conflictOnDuplicate('A team with this name exists in the engagement.');
