/** What a grid cell says at a glance: RACI chips by party and team, and who covers it when. */
import { PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import { type MatrixCell, RACI_ROLES, type Raci } from '../api/matrix-types.ts';
import { shortTeamName } from './matrix-edits.ts';

export interface RaciChip {
  party: Party;
  teamId: string | null;
  /** In A, R, C, I order. */
  roles: Raci[];
  /** "A Internal", "R Provider · SOC", "A/R Internal · Service Desk". */
  label: string;
}

type TeamName = (teamId: string) => string | undefined;

export function raciChips(cell: MatrixCell, teamName: TeamName): RaciChip[] {
  const groups = new Map<string, RaciChip>();
  for (const entry of cell.raci) {
    const key = `${entry.party}:${entry.teamId ?? ''}`;
    const chip = groups.get(key) ?? { party: entry.party, teamId: entry.teamId, roles: [], label: '' };
    if (!chip.roles.includes(entry.role)) chip.roles.push(entry.role);
    groups.set(key, chip);
  }
  const rank = (chip: RaciChip) => Math.min(...chip.roles.map((role) => RACI_ROLES.indexOf(role)));
  return [...groups.values()]
    .map((chip) => {
      const roles = [...chip.roles].sort((a, b) => RACI_ROLES.indexOf(a) - RACI_ROLES.indexOf(b));
      const name = chip.teamId ? teamName(chip.teamId) : undefined;
      const team = chip.teamId ? ` · ${name ? shortTeamName(name, chip.party) : 'unknown team'}` : '';
      return { ...chip, roles, label: `${roles.join('/')} ${PARTY_LABELS[chip.party]}${team}` };
    })
    .sort((a, b) => rank(a) - rank(b));
}

const WHEN_TEXT = {
  always: 'always',
  business_hours: 'in business hours',
  after_hours: 'after hours',
} as const;

/** "Internal in business hours · Provider after hours"; the first rule that applies wins. */
export function coverageHint(cell: MatrixCell): string {
  if (cell.coverage.length === 0) return 'No coverage rules';
  const phrases = cell.coverage.map((rule) => `${PARTY_LABELS[rule.party]} ${WHEN_TEXT[rule.when]}`);
  return [...new Set(phrases)].join(' · ');
}

/** Each rule with the schedules it pages, for the hover text: "Provider after hours: SOC (security), no operations schedule". */
export function coverageDetail(cell: MatrixCell, scheduleName: (id: string) => string | undefined): string[] {
  return cell.coverage.map((rule) => {
    const tracks = (['security', 'operations'] as const).map((track) => {
      const id = rule.schedules[track];
      return id ? `${scheduleName(id) ?? 'unknown schedule'} (${track})` : `no ${track} schedule`;
    });
    return `${PARTY_LABELS[rule.party]} ${WHEN_TEXT[rule.when]}: ${tracks.join(', ')}`;
  });
}

/**
 * Where a cell pages on a track at some hours but not at others: "operations: nobody paged after
 * hours". A cell that pages nobody at all on a track (routine work) is not a hole.
 */
export function pagingHoles(cell: MatrixCell): string[] {
  if (!cell.active) return [];
  return (['security', 'operations'] as const).flatMap((track) => {
    const missing = cell.coverage.filter((rule) => !rule.schedules[track]);
    if (missing.length === 0 || missing.length === cell.coverage.length) return [];
    const when = [...new Set(missing.map((rule) => WHEN_TEXT[rule.when]))].join(', ');
    return [`${track}: nobody paged ${when}`];
  });
}
