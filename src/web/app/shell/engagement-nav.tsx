import { Divider, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCalendarUser,
  IconClockHour4,
  IconGrid4x4,
  IconGridDots,
  IconHistory,
  IconHome,
  IconKey,
  IconPlus,
  IconStack2,
  IconTicket,
  IconUserCog,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { UPCOMING_SECTIONS, type UpcomingSectionKey } from '../upcoming-sections.tsx';
import { IncidentsNav } from './incidents-nav.tsx';
import { NavItem } from './nav-item.tsx';
import { SlaNav } from './sla-nav.tsx';

interface EngagementNavProps {
  engagementSlug: string;
  allowedActions: readonly string[];
  /** Organization admins manage their organization's users. */
  canManageUsers: boolean;
  /** Provider organization admins allow private webhook targets for the whole installation. */
  canManageWebhookAllowlist: boolean;
  onNavigate: () => void;
  /** A requester sees the portal: their requests and a way to make one, nothing else. */
  portal: boolean;
  /** Provider staff get the one queue across all their engagements. */
  showQueue: boolean;
}

const ICON = { size: 18, stroke: 1.6 } as const;

/** Areas that are built: their own label and icon instead of a placeholder's. */
const LIVE_AREAS = {
  changes: { label: 'Changes', icon: IconArrowsExchange },
  matrix: { label: 'Responsibility matrix', icon: IconGridDots },
  'on-call': { label: 'On-call', icon: IconCalendarUser },
  slas: { label: 'SLAs', icon: IconClockHour4 },
} as const;
type LiveAreaKey = keyof typeof LIVE_AREAS;

/** The order of DESIGN.md's areas: daily work first, then agreements, knowledge and oversight. */
const AREAS = [
  'incidents',
  'on-call',
  'matrix',
  'slas',
  'changes',
  'documents',
  'assets',
  'reviews',
  'compliance',
] as const satisfies readonly (UpcomingSectionKey | LiveAreaKey | 'incidents')[];

/** The left navigation of one engagement. */
export function EngagementNav({
  engagementSlug,
  allowedActions,
  canManageUsers,
  canManageWebhookAllowlist,
  onNavigate,
  portal,
  showQueue,
}: EngagementNavProps) {
  const params = { engagement: engagementSlug };
  const common = { params, onClick: onNavigate, activeProps: { active: true } } as const;

  if (portal) {
    return (
      <Stack component="nav" aria-label="Engagement" gap={2} p="xs">
        <NavItem
          to="/e/$engagement/tickets"
          search={{}}
          activeOptions={{ includeSearch: false }}
          label="My requests"
          leftSection={<IconTicket {...ICON} />}
          {...common}
        />
        <NavItem
          to="/e/$engagement/tickets"
          search={{ new: true }}
          activeOptions={{ includeSearch: true }}
          activeProps={{}}
          label="New request"
          leftSection={<IconPlus {...ICON} />}
          params={params}
          onClick={onNavigate}
        />
      </Stack>
    );
  }

  return (
    <ScrollArea type="scroll" style={{ flex: 1 }}>
      <Stack component="nav" aria-label="Engagement" gap={2} p="xs">
        <NavItem
          to="/e/$engagement"
          activeOptions={{ exact: true }}
          label="Home"
          leftSection={<IconHome {...ICON} />}
          {...common}
        />
        <NavItem
          to="/e/$engagement/tickets"
          label="Tickets"
          leftSection={<IconTicket {...ICON} />}
          {...common}
        />
        {showQueue && (
          <NavItem
            to="/e/$engagement/queue"
            label="All my engagements"
            leftSection={<IconStack2 {...ICON} />}
            {...common}
          />
        )}
        {AREAS.map((area) => {
          if (area === 'incidents') {
            return (
              <IncidentsNav
                key={area}
                engagementSlug={engagementSlug}
                onNavigate={onNavigate}
                allowedActions={allowedActions}
                showAll={showQueue}
              />
            );
          }
          if (area === 'slas') {
            return allowedActions.includes('sla.read') ? (
              <SlaNav
                key={area}
                engagementSlug={engagementSlug}
                onNavigate={onNavigate}
                canReadCalendars={allowedActions.includes('calendar.read')}
              />
            ) : null;
          }
          if (area === 'on-call') {
            return allowedActions.includes('schedule.read') ? (
              <Fragment key={area}>
                <NavItem
                  to="/e/$engagement/oncall"
                  label="On-call"
                  leftSection={<IconCalendarUser {...ICON} />}
                  {...common}
                />
                <NavItem
                  to="/e/$engagement/coverage"
                  label="Coverage"
                  leftSection={<IconGrid4x4 {...ICON} />}
                  pl={34}
                  {...common}
                />
              </Fragment>
            ) : null;
          }
          if (area === 'matrix' && !allowedActions.includes('matrix.read')) return null;
          const { label, icon: Icon } =
            area in LIVE_AREAS
              ? LIVE_AREAS[area as LiveAreaKey]
              : UPCOMING_SECTIONS[area as UpcomingSectionKey];
          return (
            <NavItem
              key={area}
              to={`/e/$engagement/${area}`}
              label={label}
              leftSection={<Icon {...ICON} />}
              {...common}
            />
          );
        })}
        <Divider my="xs" />
        <GroupLabel>Administration</GroupLabel>
        {allowedActions.includes('member.read') && (
          <NavItem
            to="/e/$engagement/admin/members"
            label="Members & teams"
            leftSection={<IconUsers {...ICON} />}
            {...common}
          />
        )}
        {canManageUsers && (
          <NavItem
            to="/e/$engagement/admin/users"
            label="Users"
            leftSection={<IconUserCog {...ICON} />}
            {...common}
          />
        )}
        {canManageWebhookAllowlist && (
          <NavItem
            to="/e/$engagement/admin/webhook-allowlist"
            label="Webhook allowlist"
            leftSection={<IconWebhook {...ICON} />}
            {...common}
          />
        )}
        <NavItem
          to="/e/$engagement/admin/api-tokens"
          label="API tokens"
          leftSection={<IconKey {...ICON} />}
          {...common}
        />
        {allowedActions.includes('audit.read') && (
          <NavItem
            to="/e/$engagement/admin/audit"
            label="Audit log"
            leftSection={<IconHistory {...ICON} />}
            {...common}
          />
        )}
      </Stack>
    </ScrollArea>
  );
}

function GroupLabel({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4} style={{ letterSpacing: '0.05em' }}>
      {children}
    </Text>
  );
}
