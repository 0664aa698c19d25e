import { ActionIcon, Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { PointerErrors } from '../../../lib/pointer-errors.ts';
import { swapped, without } from './schedule-draft.ts';

interface RotationUsersProps {
  users: string[];
  onChange: (users: string[]) => void;
  /** The party's staff who may take turns. */
  options: { value: string; label: string }[];
  nameOf: (userId: string) => string;
  errors: PointerErrors;
  /** `/layers/0/users`. */
  path: string;
  layerName: string;
  readOnly: boolean;
}

/** The people of a rotation in turn order: the first has the first turn. */
export function RotationUsers({
  users,
  onChange,
  options,
  nameOf,
  errors,
  path,
  layerName,
  readOnly,
}: RotationUsersProps) {
  const [picking, setPicking] = useState<string | null>(null);
  const left = options.filter((option) => !users.includes(option.value));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        People, in turn order
      </Text>
      {users.length > 0 && (
        <Paper withBorder radius="sm" p={4}>
          <Stack gap={2} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {users.map((userId, index) => (
              <li key={userId}>
                <Group gap="xs" wrap="nowrap" px={4}>
                  <Badge size="sm" variant="light" circle>
                    {index + 1}
                  </Badge>
                  <Text size="sm" style={{ flex: 1 }}>
                    {nameOf(userId)}
                  </Text>
                  {errors.get(`${path}/${index}`) && (
                    <Text size="xs" c="red">
                      {errors.get(`${path}/${index}`)}
                    </Text>
                  )}
                  {!readOnly && (
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Move ${nameOf(userId)} earlier`}
                        disabled={index === 0}
                        onClick={() => onChange(swapped(users, index, index - 1))}
                      >
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Move ${nameOf(userId)} later`}
                        disabled={index === users.length - 1}
                        onClick={() => onChange(swapped(users, index, index + 1))}
                      >
                        <IconArrowDown size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Take ${nameOf(userId)} out of ${layerName}`}
                        onClick={() => onChange(without(users, index))}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </Paper>
      )}
      {!readOnly && (
        <Select
          aria-label={`Add a person to ${layerName}`}
          placeholder={left.length === 0 ? 'Everyone is in the rotation' : 'Add a person…'}
          data={left}
          value={picking}
          searchable
          disabled={left.length === 0}
          onChange={(userId) => {
            if (userId) onChange([...users, userId]);
            setPicking(null);
          }}
          error={errors.get(path)}
          size="xs"
          w={260}
        />
      )}
    </Stack>
  );
}
