import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FieldMapping } from '../api/integration-types.ts';

const FIELDS: { key: keyof FieldMapping; label: string; example: string }[] = [
  { key: 'summary', label: 'Summary', example: '/alert/title' },
  { key: 'severity', label: 'Severity', example: '/alert/level' },
  { key: 'dedupKey', label: 'Dedup key', example: '/alert/id' },
  { key: 'source', label: 'Source', example: '/host' },
  { key: 'action', label: 'Action (trigger / acknowledge / resolve)', example: '/state' },
  { key: 'functionKey', label: 'Function', example: '/service' },
  { key: 'track', label: 'Track', example: '/category' },
];

interface MappingFieldsProps {
  value: FieldMapping;
  onChange: (value: FieldMapping) => void;
  errors: (pointer: string) => string | undefined;
}

/** Generic JSON only: where each field of an alert is in the sender's body, as JSON Pointers. */
export function MappingFields({ value, onChange, errors }: MappingFieldsProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Field mapping
      </Text>
      <Text size="xs" c="dimmed">
        JSON Pointers into the body your tool sends, e.g. <code>/alert/title</code>.
      </Text>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        {FIELDS.map((field) => (
          <TextInput
            key={field.key}
            label={field.label}
            size="xs"
            placeholder={field.example}
            value={value[field.key] ?? ''}
            onChange={(event) => {
              const text = event.currentTarget.value.trim();
              const next = { ...value };
              if (text) next[field.key] = text;
              else delete next[field.key];
              onChange(next);
            }}
            error={errors(`/mapping/${field.key}`)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
