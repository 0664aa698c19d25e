import type { Party, Role } from '../../../lib/api-types.ts';

/**
 * The engagement's people, teams and calendars, as the schedule screens need them. The app shell
 * loads them from the members and calendars features and hands them in: features do not import
 * each other.
 */
export interface OncallDirectory {
  members: { userId: string; name: string; party: Party; role: Role }[];
  teams: { id: string; name: string; party: Party }[];
  calendars: { id: string; name: string; timeZone: string }[];
}

/** Who can take a turn or cover one: a party's staff, not its viewers or requesters. */
export function staffOf(directory: OncallDirectory, party: Party) {
  return directory.members.filter(
    (member) => member.party === party && member.role !== 'viewer' && member.role !== 'requester',
  );
}

/** Select options of a party's staff, by name. */
export function staffOptions(directory: OncallDirectory, party: Party) {
  return staffOf(directory, party)
    .map((member) => ({ value: member.userId, label: member.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
