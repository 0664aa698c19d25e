import {
  Avatar,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconBell, IconChevronDown, IconKey, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { Link, useRouter } from '@tanstack/react-router';
import { PartyBadge } from '../../components/party-badge.tsx';
import { useLogOut } from '../../features/auth/api/log-out.ts';
import { type EngagementSummary, type Me, ROLE_LABELS } from '../../lib/api-types.ts';

interface UserMenuProps {
  me: Me;
  /** The engagement in view, whose role and party the menu shows. */
  engagement: EngagementSummary;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu({ me, engagement }: UserMenuProps) {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const logOut = useLogOut();
  const router = useRouter();

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`} px={6} py={4} style={{ borderRadius: 6 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={28} radius="xl" color="indigo" variant="light">
              {initials(me.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={4} px="sm" py={8}>
          <Text size="sm" fw={600}>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email} · {me.organization.name}
          </Text>
          <Group gap={6} mt={4}>
            <PartyBadge party={engagement.party} size="sm" />
            <Text size="xs">
              {ROLE_LABELS[engagement.role]} in {engagement.name}
            </Text>
          </Group>
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconBell size={16} />}
          renderRoot={(props) => (
            <Link to="/e/$engagement/me/notifications" params={{ engagement: engagement.slug }} {...props} />
          )}
        >
          Notifications
        </Menu.Item>
        <Menu.Item
          leftSection={<IconKey size={16} />}
          renderRoot={(props) => (
            <Link to="/e/$engagement/admin/api-tokens" params={{ engagement: engagement.slug }} {...props} />
          )}
        >
          API tokens
        </Menu.Item>
        <Menu.Item
          leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
          closeMenuOnClick={false}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
        >
          {scheme === 'dark' ? 'Light theme' : 'Dark theme'}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => logOut.mutate(undefined, { onSettled: () => router.navigate({ to: '/login' }) })}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
