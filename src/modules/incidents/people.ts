import type { Target } from '../../domain/escalation/policy.ts';
import type { TargetLookups } from '../../domain/escalation/steps.ts';
import type { Track } from '../../domain/oncall/schedule.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import * as store from './store.ts';

/** Who is who in one engagement, loaded once per firing or read. */
export interface Directory {
  readonly staff: ReadonlyMap<
    string,
    { readonly name: string; readonly party: Party; readonly role: string }
  >;
  readonly teams: ReadonlyMap<
    string,
    { readonly name: string; readonly party: Party; readonly members: string[] }
  >;
  readonly schedules: ReadonlyMap<
    string,
    { readonly name: string; readonly party: Party; readonly track: Track; readonly teamId: string | null }
  >;
}

/** Answers "who is on call on this schedule at t" (the schedule service's onCallIn). */
export type OnCallIn = (reader: Db, engagementId: string, scheduleId: string, at: Date) => Promise<string[]>;

export async function directoryOf(db: Db, engagementId: string): Promise<Directory> {
  const [staff, teams, members, schedules] = await Promise.all([
    store.activeStaff(db, engagementId),
    store.teamsOf(db, engagementId),
    store.teamMembersOf(db, engagementId),
    store.schedulesOf(db, engagementId),
  ]);
  return {
    staff: new Map(staff.map((s) => [s.user_id, { name: s.name, party: s.party, role: s.role }])),
    teams: new Map(
      teams.map((team) => [
        team.id,
        {
          name: team.name,
          party: team.party,
          members: members.filter((m) => m.team_id === team.id).map((m) => m.user_id),
        },
      ]),
    ),
    schedules: new Map(
      schedules.map((s) => [s.id, { name: s.name, party: s.party, track: s.track, teamId: s.team_id }]),
    ),
  };
}

/** A target with the name a person reads; a deleted record still names what it was. */
export function namedTarget(dir: Directory, target: Target): Target & { name: string } {
  const name =
    target.type === 'user'
      ? dir.staff.get(target.id)?.name
      : target.type === 'schedule'
        ? dir.schedules.get(target.id)?.name
        : dir.teams.get(target.id)?.name;
  return { type: target.type, id: target.id, name: name ?? `a removed ${target.type}` };
}

/** The targets that do not belong to this engagement (staff, its schedules, its teams), by index. */
export function foreignTargets(dir: Directory, targets: readonly Target[]): number[] {
  return targets.flatMap((target, i) => {
    const known =
      target.type === 'user'
        ? dir.staff.has(target.id)
        : target.type === 'schedule'
          ? dir.schedules.has(target.id)
          : dir.teams.has(target.id);
    return known ? [] : [i];
  });
}

/**
 * The step machine's lookups at one instant: who is on call on every schedule the targets
 * can reach (their own, or their team's) on the incident's track, team members, active
 * staff, the owner's managers. A drill (track null) reads every schedule.
 */
export async function lookupsAt(
  reader: Db,
  onCallIn: OnCallIn,
  engagementId: string,
  dir: Directory,
  targets: readonly Target[],
  ownerParty: Party,
  track: Track | null,
  at: Date,
): Promise<TargetLookups> {
  // The two tracks never merge: a security incident never reaches the operations rota.
  const serves = (id: string) => track === null || dir.schedules.get(id)?.track === track;
  const schedulesOfTeam = (teamId: string) =>
    [...dir.schedules].filter(([id, s]) => s.teamId === teamId && serves(id)).map(([id]) => id);
  const scheduleIds = new Set(
    targets.flatMap((t) => (t.type === 'schedule' ? [t.id] : t.type === 'team' ? schedulesOfTeam(t.id) : [])),
  );
  const onCall = new Map(
    await Promise.all(
      [...scheduleIds]
        .filter((id) => dir.schedules.has(id) && serves(id))
        .map(async (id) => [id, await onCallIn(reader, engagementId, id, at)] as const),
    ),
  );
  return {
    onCall: (id) => onCall.get(id) ?? [],
    schedulesOfTeam,
    teamMembers: (id) => dir.teams.get(id)?.members ?? [],
    isActive: (id) => dir.staff.has(id),
    managers: () => managersOf(dir, ownerParty),
  };
}

/** The party's managers; its admins where it has no manager. */
export function managersOf(dir: Directory, party: Party): string[] {
  const of = (role: string) =>
    [...dir.staff].filter(([, s]) => s.party === party && s.role === role).map(([id]) => id);
  const managers = of('manager');
  return managers.length > 0 ? managers : of('admin');
}

/** Someone's name and party, for timeline entries and answers. */
export function personOf(dir: Directory, userId: string, fallbackName = 'a former member') {
  const member = dir.staff.get(userId);
  return { userId, name: member?.name ?? fallbackName, party: member?.party ?? null };
}
