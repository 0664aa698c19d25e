import type { Selectable } from 'kysely';
import type { Party, Role } from '../../platform/access/roles.ts';

export interface EngagementsTable {
  id: string;
  slug: string;
  name: string;
  /** Prefix of the engagement's human ticket numbers, e.g. LOGI in LOGI-42. */
  ticket_prefix: string;
  provider_organization_id: string;
  client_organization_id: string;
  created_at: string;
}

export interface PartiesTable {
  engagement_id: string;
  kind: Party;
  organization_id: string;
}

export interface MembershipsTable {
  engagement_id: string;
  user_id: string;
  party: Party;
  role: Role;
  created_at: string;
}

export interface TeamsTable {
  engagement_id: string;
  id: string;
  party: Party;
  name: string;
  description: string;
  created_at: string;
}

export interface TeamMembersTable {
  engagement_id: string;
  team_id: string;
  user_id: string;
}

export type EngagementRow = Selectable<EngagementsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type TeamRow = Selectable<TeamsTable>;
