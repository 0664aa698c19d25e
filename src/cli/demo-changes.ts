import { type Interval, overlaps } from '../domain/changes/freeze.ts';
import type { createTandem } from '../main.ts';
import type { Actor } from '../platform/access/actor.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import { loadActor } from '../platform/auth/actor-loader.ts';
import type { Db } from '../platform/db/database.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];

const DAY = 86_400_000;
const YEAR_END: Interval = { start: new Date('2026-12-18T00:00:00Z'), end: new Date('2027-01-04T00:00:00Z') };

interface DemoChanges {
  readonly awaiting: { title: string; description: string; affectedAssets: string };
  readonly scheduled: { title: string; description: string; affectedAssets: string };
  readonly template: { name: string; description: string };
}

const CHANGES: Readonly<Record<string, DemoChanges>> = {
  harborline: {
    awaiting: {
      title: 'Upgrade the core switches to firmware 17.9',
      description: 'Fixes the spanning-tree bug behind last month’s warehouse outage.',
      affectedAssets: 'core-sw-01, core-sw-02 (warehouse and head office VLANs)',
    },
    scheduled: {
      title: 'Rotate the VPN gateway certificates',
      description: 'The current certificates expire in January.',
      affectedAssets: 'vpn-gw-01, vpn-gw-02',
    },
    template: {
      name: 'Monthly Windows patching (pilot ring)',
      description: 'Second-Tuesday updates to the pilot ring.',
    },
  },
  maplegrove: {
    awaiting: {
      title: 'Patch the PACS viewer to 8.2',
      description: 'The vendor’s security release; the viewer is down for about 20 minutes.',
      affectedAssets: 'PACS viewer workstations in both exam rooms',
    },
    scheduled: {
      title: 'Replace the reception Wi-Fi access point',
      description: 'The old access point drops tablets at check-in.',
      affectedAssets: 'ap-reception-01',
    },
    template: {
      name: 'Monthly Windows patching (clinic workstations)',
      description: 'Updates after clinic hours, one room at a time.',
    },
  },
};

const PLANS = {
  implementationPlan:
    '1. Announce the window.\n2. Apply the change to the first device and verify.\n3. Repeat for the rest.',
  backoutPlan: 'Restore the saved configuration and reboot; confirm service with the on-site contact.',
  testPlan: 'Check the monitoring dashboard and have a user confirm the service works.',
};

/**
 * Per engagement: the year-end freeze, a change awaiting the internal managers' approval, one
 * approved and scheduled for next week, and a standard change already completed. Worked through
 * the change service as real users, so timelines, clocks and the audit log are the real ones.
 */
export async function loadDemoChanges(services: Services, db: Db, ...engagementIds: string[]): Promise<void> {
  for (const engagementId of engagementIds) {
    const { slug } = await db
      .selectFrom('engagements')
      .select('slug')
      .where('id', '=', engagementId)
      .executeTakeFirstOrThrow();
    const story = CHANGES[slug] ?? CHANGES.harborline!;
    const members = await services.members.listMembers(SYSTEM, engagementId);
    const actorOf = async (party: string, role: string) => {
      const member = members.find((m) => m.party === party && m.role === role && !m.disabled);
      return member ? await loadActor(db, member.userId, null) : null;
    };
    const agent = await actorOf('provider', 'agent');
    const manager = await actorOf('internal', 'manager');
    if (!agent || !manager) continue;
    await loadStory(services, engagementId, story, agent, manager);
  }
}

async function loadStory(
  services: Services,
  engagementId: string,
  story: DemoChanges,
  agent: Actor,
  manager: Actor,
) {
  const changes = services.changes;
  await changes.createFreezeWindow(manager, engagementId, {
    name: 'Year-end freeze',
    reason: 'Peak season and the financial year-end close: only emergency changes.',
    startsAt: YEAR_END.start.toISOString(),
    endsAt: YEAR_END.end.toISOString(),
  });

  const awaiting = await changes.createChange(agent, engagementId, {
    ...story.awaiting,
    ...PLANS,
    risk: 'high',
    impact: 'medium',
    priority: 'P2',
  });
  await changes.updateChange(agent, engagementId, awaiting.id, { state: 'submitted' });

  const now = Date.now();
  const nextWeek = clearOfFreeze(at22(now + 7 * DAY), 'later');
  const scheduled = await changes.createChange(agent, engagementId, {
    ...story.scheduled,
    ...PLANS,
    risk: 'medium',
    impact: 'low',
    windowStart: nextWeek.start.toISOString(),
    windowEnd: nextWeek.end.toISOString(),
  });
  await changes.updateChange(agent, engagementId, scheduled.id, { state: 'submitted' });
  await changes.decideChange(manager, engagementId, scheduled.id, {
    decision: 'approve',
    reason: 'Window agreed with the warehouse shift leads.',
  });
  await changes.updateChange(agent, engagementId, scheduled.id, { state: 'scheduled' });

  const template = await changes.createTemplate(manager, engagementId, {
    ...story.template,
    implementationPlan: 'Approve the month’s updates for the ring in WSUS; reboot overnight.',
    backoutPlan: 'Decline the updates and uninstall them through WSUS.',
    testPlan: 'Spot-check three machines the next morning.',
  });
  const lastWeek = clearOfFreeze(at22(now - 7 * DAY), 'earlier');
  const done = await changes.createChange(agent, engagementId, {
    templateId: template.id,
    windowStart: lastWeek.start.toISOString(),
    windowEnd: lastWeek.end.toISOString(),
  });
  for (const state of ['submitted', 'scheduled', 'in_progress', 'completed'] as const) {
    await changes.updateChange(agent, engagementId, done.id, {
      state,
      ...(state === 'completed' ? { reason: 'All machines patched; no failures.' } : {}),
    });
  }
}

/** A four-hour evening window (22:00–02:00 UTC) on the day of `ms`. */
function at22(ms: number): Interval {
  const day = new Date(ms);
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 22));
  return { start, end: new Date(start.getTime() + 4 * 3_600_000) };
}

/** The demo's normal changes respect its own freeze, whenever the demo is loaded. */
function clearOfFreeze(window: Interval, direction: 'earlier' | 'later'): Interval {
  if (!overlaps(window, YEAR_END)) return window;
  const length = window.end.getTime() - window.start.getTime();
  const start =
    direction === 'later'
      ? YEAR_END.end.getTime() + 22 * 3_600_000
      : YEAR_END.start.getTime() - 2 * 3_600_000 - length;
  return { start: new Date(start), end: new Date(start + length) };
}
