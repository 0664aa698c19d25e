import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { TandemMark } from '../../components/tandem-mark.tsx';
import { EngagementSwitcher } from '../../features/engagements/components/engagement-switcher.tsx';
import { isProviderAdmin } from '../admin-access.ts';
import { useCurrentEngagement } from '../routes/current-engagement.ts';
import classes from './app-layout.module.css';
import { EngagementNav } from './engagement-nav.tsx';
import { useLiveUpdates } from './live-updates.ts';
import { UserMenu } from './user-menu.tsx';

/** The frame around every engagement page: header with switcher and account, navigation, content. */
export function AppLayout() {
  const { engagement, engagements, me } = useCurrentEngagement();
  const [navOpened, nav] = useDisclosure(false);
  const navigate = useNavigate();
  // Live updates: every open screen of this engagement follows changes others make.
  useLiveUpdates(engagement, me.id);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
      classNames={{ header: classes.header, navbar: classes.navbar, main: classes.main }}
    >
      <Anchor href="#main" className={classes.skipLink}>
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            />
            <RouterAnchor
              to="/e/$engagement"
              params={{ engagement: engagement.slug }}
              underline="never"
              c="inherit"
              className={classes.brand}
            >
              <Group gap={8} wrap="nowrap">
                <TandemMark size={26} />
                <Text fw={700} size="md" visibleFrom="xs">
                  Tandem
                </Text>
              </Group>
            </RouterAnchor>
            <EngagementSwitcher
              engagements={engagements}
              currentId={engagement.id}
              onSwitch={(next) =>
                // Same section, other engagement: /e/a/admin/audit → /e/b/admin/audit.
                navigate({ to: '.', params: (prev) => ({ ...prev, engagement: next.slug }), search: {} })
              }
            />
          </Group>
          <UserMenu me={me} engagement={engagement} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <EngagementNav
          engagementSlug={engagement.slug}
          allowedActions={engagement.allowedActions}
          canManageUsers={me.orgRole === 'admin' && engagement.role !== 'requester'}
          canManageWebhookAllowlist={isProviderAdmin(me) && engagement.role !== 'requester'}
          onNavigate={nav.close}
          portal={engagement.role === 'requester'}
          showQueue={me.organization.kind === 'provider'}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div className={classes.content}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
