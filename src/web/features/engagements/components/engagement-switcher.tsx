import { Group, Select, Stack, Text } from '@mantine/core';
import { IconBuildingCommunity, IconCheck } from '@tabler/icons-react';
import type { EngagementSummary } from '../../../lib/api-types.ts';

interface EngagementSwitcherProps {
  engagements: readonly EngagementSummary[];
  currentId: string;
  onSwitch: (engagement: EngagementSummary) => void;
}

/** Picks the engagement (client) the whole app is looking at. */
export function EngagementSwitcher({ engagements, currentId, onSwitch }: EngagementSwitcherProps) {
  const byId = new Map(engagements.map((engagement) => [engagement.id, engagement]));
  return (
    <Select
      aria-label="Engagement"
      w={{ base: 200, sm: 360 }}
      size="sm"
      searchable
      allowDeselect={false}
      nothingFoundMessage="No engagement matches"
      leftSection={<IconBuildingCommunity size={16} stroke={1.6} />}
      comboboxProps={{ width: 420, position: 'bottom-start' }}
      data={engagements.map((engagement) => ({
        value: engagement.id,
        label: engagement.name,
      }))}
      filter={({ options, search }) => {
        const needle = search.trim().toLowerCase();
        return options.filter((option) => {
          if (!('value' in option)) return false;
          const engagement = byId.get(option.value);
          const haystack = `${option.label} ${engagement?.clientOrganization.name ?? ''}`.toLowerCase();
          return haystack.includes(needle);
        });
      }}
      renderOption={({ option, checked }) => {
        const engagement = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%">
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              <Text size="xs" c="dimmed">
                {engagement?.clientOrganization.name}
              </Text>
            </Stack>
            {checked && <IconCheck size={14} />}
          </Group>
        );
      }}
      value={currentId}
      onChange={(id) => {
        const engagement = id ? byId.get(id) : undefined;
        if (engagement && engagement.id !== currentId) onSwitch(engagement);
      }}
    />
  );
}
