import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface UpcomingSectionProps {
  title: string;
  icon: ReactNode;
  /** One sentence: what arrives here and why it matters to both parties. */
  summary: string;
  /** What the page will hold, in the product's words. */
  features: readonly string[];
}

/** An area of Tandem that a later release fills: says plainly what will be here, shows no fake data. */
export function UpcomingSection({ title, icon, summary, features }: UpcomingSectionProps) {
  return (
    <Stack gap="lg" maw={720}>
      <Group gap="sm">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Badge variant="outline" color="gray" radius="sm">
          Later release
        </Badge>
      </Group>
      <Paper withBorder p="xl" radius="md">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <ThemeIcon size={44} radius="md" variant="light">
            {icon}
          </ThemeIcon>
          <Stack gap="sm">
            <Text>{summary}</Text>
            <Text size="sm" fw={600} mt="xs">
              What this page will hold
            </Text>
            <List size="sm" spacing={6} c="dimmed">
              {features.map((feature) => (
                <List.Item key={feature}>{feature}</List.Item>
              ))}
            </List>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}
