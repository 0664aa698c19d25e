import { Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { IntegrationDefaults, Priority, Severity } from '../api/integration-types.ts';
import { SEVERITY_ORDER } from '../api/integration-types.ts';

/** What the routing defaults can name: the matrix's functions and the escalation policies. */
export interface IntegrationChoices {
  functions: readonly { key: string; name: string }[];
  policies: readonly { id: string; name: string }[];
}

const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
type GroupingField = NonNullable<IntegrationDefaults['grouping']>['by'][number];
const GROUPING_FIELDS: { value: GroupingField; label: string }[] = [
  { value: 'source', label: 'Source' },
  { value: 'component', label: 'Component' },
  { value: 'function', label: 'Function' },
];
/** The window offered when grouping is first switched on. */
const DEFAULT_GROUPING_WINDOW = 30;
export const DEFAULT_SEVERITY_PRIORITY: Record<Severity, Priority> = {
  critical: 'P1',
  error: 'P2',
  warning: 'P3',
  info: 'P4',
};

interface DefaultsFieldsProps {
  value: IntegrationDefaults;
  onChange: (value: IntegrationDefaults) => void;
  choices: IntegrationChoices;
  errors: (pointer: string) => string | undefined;
  readOnly?: boolean;
}

/** The routing defaults of an integration's alerts: function, track, severity → priority, policy, grouping. */
export function DefaultsFields({ value, onChange, choices, errors, readOnly }: DefaultsFieldsProps) {
  const map = value.severityPriority ?? DEFAULT_SEVERITY_PRIORITY;
  const security = value.security ?? value.track === 'security';
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <Select
          label="Function"
          description="The matrix row its alerts are about; routing follows it"
          placeholder="None: route by track only"
          clearable
          searchable
          readOnly={readOnly}
          data={choices.functions.map((f) => ({ value: f.key, label: f.name }))}
          value={value.functionKey ?? null}
          onChange={(functionKey) => onChange({ ...value, functionKey })}
          error={errors('/defaults/functionKey')}
        />
        <Select
          label="Escalation policy"
          description="Overrides the policy the matrix routes to"
          placeholder="As routed"
          clearable
          searchable
          readOnly={readOnly}
          data={choices.policies.map((p) => ({ value: p.id, label: p.name }))}
          value={value.escalationPolicyId ?? null}
          onChange={(escalationPolicyId) => onChange({ ...value, escalationPolicyId })}
          error={errors('/defaults/escalationPolicyId')}
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Track
        </Text>
        <Group gap="md">
          <SegmentedControl
            size="xs"
            readOnly={readOnly}
            data={[
              { value: 'operations', label: 'Operations · on-call' },
              { value: 'security', label: 'Security · SOC' },
            ]}
            value={security ? 'security' : (value.track ?? 'operations')}
            onChange={(track) =>
              onChange({
                ...value,
                track: track as 'operations' | 'security',
                security: track === 'security',
              })
            }
          />
          <Checkbox
            size="xs"
            label="Security tool (EDR, SIEM, IDS): every alert is security work"
            checked={security}
            readOnly={readOnly}
            onChange={(event) =>
              onChange({
                ...value,
                security: event.currentTarget.checked,
                track: event.currentTarget.checked ? 'security' : 'operations',
              })
            }
          />
        </Group>
        {errors('/defaults/track') && (
          <Text size="xs" c="red">
            {errors('/defaults/track')}
          </Text>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Severity → priority
        </Text>
        <Group gap="xs">
          {SEVERITY_ORDER.map((severity) => (
            <Select
              key={severity}
              label={severity}
              size="xs"
              w={110}
              allowDeselect={false}
              readOnly={readOnly}
              data={PRIORITIES}
              value={map[severity]}
              onChange={(priority) =>
                priority &&
                onChange({ ...value, severityPriority: { ...map, [severity]: priority as Priority } })
              }
              error={errors(`/defaults/severityPriority/${severity}`)}
            />
          ))}
        </Group>
      </Stack>
      <GroupingFields value={value} onChange={onChange} errors={errors} readOnly={readOnly} />
    </Stack>
  );
}

/** No fields checked, no grouping: only alerts with the same dedup key join one incident. */
function GroupingFields({ value, onChange, errors, readOnly }: Omit<DefaultsFieldsProps, 'choices'>) {
  const grouping = value.grouping;
  const windowMinutes = grouping?.windowMinutes ?? DEFAULT_GROUPING_WINDOW;
  return (
    <Checkbox.Group
      label="Group into an open incident"
      description="A new alert joins the open incident whose latest alert has the same values, within the window"
      value={grouping?.by ?? []}
      readOnly={readOnly}
      onChange={(by) => {
        const { grouping: _, ...rest } = value;
        onChange(by.length ? { ...rest, grouping: { by: by as GroupingField[], windowMinutes } } : rest);
      }}
      error={errors('/defaults/grouping/by')}
    >
      <Group gap="md" mt={6} align="center">
        {GROUPING_FIELDS.map((field) => (
          <Checkbox key={field.value} size="xs" value={field.value} label={field.label} />
        ))}
        <NumberInput
          aria-label="Grouping window in minutes"
          size="xs"
          w={150}
          min={1}
          max={1440}
          rightSection={
            <Text size="xs" c="dimmed" pr={8}>
              min
            </Text>
          }
          rightSectionWidth={36}
          disabled={!grouping}
          readOnly={readOnly}
          value={windowMinutes}
          onChange={(minutes) =>
            grouping &&
            typeof minutes === 'number' &&
            onChange({ ...value, grouping: { ...grouping, windowMinutes: minutes } })
          }
          error={errors('/defaults/grouping/windowMinutes')}
        />
      </Group>
    </Checkbox.Group>
  );
}
