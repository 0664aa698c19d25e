import { MultiSelect } from '@mantine/core';
import type { Party } from '../../../lib/api-types.ts';
import type { Target, TargetRef } from '../api/escalation-types.ts';

/** People, schedules and teams of both parties that a level can page. */
export interface EscalationDirectory {
  people: readonly { id: string; name: string; party: Party }[];
  schedules: readonly { id: string; name: string; party: Party; track: string }[];
  teams: readonly { id: string; name: string; party: Party }[];
}

const PARTY = { internal: 'internal', provider: 'provider' } as const;

const encode = (target: TargetRef) => `${target.type}:${target.id}`;

function decode(value: string): TargetRef {
  const [type, ...rest] = value.split(':');
  return { type: type as TargetRef['type'], id: rest.join(':') };
}

interface TargetPickerProps {
  label: string;
  value: readonly Target[];
  onChange: (targets: TargetRef[]) => void;
  directory: EscalationDirectory;
  error?: string | undefined;
  disabled?: boolean;
  placeholder?: string;
}

/** One level's targets: anyone, any schedule, any team of either party, grouped by kind. */
export function TargetPicker({
  label,
  value,
  onChange,
  directory,
  error,
  disabled,
  placeholder,
}: TargetPickerProps) {
  const known = new Set<string>();
  const group = (name: string, items: { value: string; label: string }[]) => {
    for (const item of items) known.add(item.value);
    return { group: name, items };
  };
  const data = [
    group(
      'Schedules (whoever is on call)',
      directory.schedules.map((s) => ({ value: `schedule:${s.id}`, label: `${s.name} · ${PARTY[s.party]}` })),
    ),
    group(
      'People',
      directory.people.map((p) => ({ value: `user:${p.id}`, label: `${p.name} · ${PARTY[p.party]}` })),
    ),
    group(
      'Teams (every member)',
      directory.teams.map((t) => ({ value: `team:${t.id}`, label: `${t.name} · ${PARTY[t.party]}` })),
    ),
  ];
  // A target the directory does not list (a removed member, say) stays visible and removable.
  const unknown = value.filter((target) => !known.has(encode(target)));
  if (unknown.length) {
    data.push({
      group: 'Other',
      items: unknown.map((target) => ({
        value: encode(target),
        label: target.name ?? `${target.type} ${target.id.slice(0, 8)}`,
      })),
    });
  }
  return (
    <MultiSelect
      label={label}
      size="xs"
      searchable
      placeholder={value.length ? undefined : (placeholder ?? 'Pick people, schedules or teams')}
      data={data}
      value={value.map(encode)}
      onChange={(values) => onChange(values.map(decode))}
      error={error}
      disabled={disabled}
      hidePickedOptions
    />
  );
}
