import ical, { ICalCalendarMethod } from 'ical-generator';
import { uuidv7 } from 'uuidv7';
import type { Shift, Track } from '../../domain/oncall/schedule.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { hashSecret, newSecret } from '../../platform/auth/secret.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import * as store from './store.ts';

const DAY_MS = 86_400_000;
/** A feed shows the past week and the coming quarter: what a phone calendar needs. */
const PAST_DAYS = 7;
const AHEAD_DAYS = 92;
const LOOKBACK_DAYS = 35;
const FEED_PREFIX = 'tdmcal_';

interface FeedSchedules {
  shiftsIn(reader: Db, engagementId: string, scheduleId: string, from: Date, to: Date): Promise<Shift[]>;
  scheduleTracks(reader: Db, engagementId: string): Promise<Map<string, { name: string; track: Track }>>;
  userNames(reader: Db, ids: readonly string[]): Promise<Map<string, string>>;
}

export type FeedService = ReturnType<typeof createFeedService>;

/**
 * iCalendar feeds of on-call shifts by secret URL: a schedule's whole rota, or one person's own
 * shifts across the engagement. Only the token's hash is kept; revoking ends the URL at once,
 * and so does losing the membership.
 */
export function createFeedService(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  schedules: FeedSchedules,
  baseUrl: string,
) {
  async function createFeed(actor: Principal, engagementId: string, scheduleId: string | null) {
    authorize(actor, 'schedule.read', engagementId);
    if (actor.kind !== 'user') throw new Forbidden('A feed belongs to a person.');
    if (scheduleId && !(await schedules.scheduleTracks(db, engagementId)).has(scheduleId))
      throw new NotFound();
    const token = newSecret(FEED_PREFIX);
    const row = {
      id: uuidv7(),
      token_hash: hashSecret(token),
      engagement_id: engagementId,
      schedule_id: scheduleId,
      user_id: actor.userId,
      created_at: now().toISOString(),
      revoked_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await store.insertFeed(trx, row);
      const { token_hash: _, ...shown } = row;
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'calendar_feed.created',
          targetType: 'calendar_feed',
          targetId: row.id,
          after: shown,
        },
        now(),
      );
    });
    return { id: row.id, scheduleId, url: `${baseUrl}/feeds/${token}.ics`, createdAt: row.created_at };
  }

  async function listFeeds(actor: Principal, engagementId: string) {
    authorize(actor, 'schedule.read', engagementId);
    if (actor.kind !== 'user') return { items: [] };
    const rows = await store.feedsOf(db, engagementId, actor.userId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        scheduleId: r.schedule_id,
        scheduleName: r.schedule_name,
        createdAt: r.created_at,
      })),
    };
  }

  async function revokeFeed(actor: Principal, engagementId: string, feedId: string) {
    authorize(actor, 'schedule.read', engagementId);
    if (actor.kind !== 'user') throw new NotFound();
    await db.transaction().execute(async (trx) => {
      if (!(await store.revokeFeed(trx, engagementId, actor.userId, feedId, now().toISOString())))
        throw new NotFound();
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'calendar_feed.revoked', targetType: 'calendar_feed', targetId: feedId },
        now(),
      );
    });
  }

  /** The .ics text for a token, or NotFound for an unknown, revoked or orphaned one. */
  async function render(token: string): Promise<string> {
    const feed = await store.liveFeed(db, hashSecret(token));
    if (!feed || feed.role === 'requester') throw new NotFound();
    const from = new Date(now().getTime() - PAST_DAYS * DAY_MS);
    const to = new Date(now().getTime() + AHEAD_DAYS * DAY_MS);
    // Shifts are cut at the range's ends; reading further back shows a running shift's real start.
    const readFrom = new Date(from.getTime() - LOOKBACK_DAYS * DAY_MS);
    const tracks = await schedules.scheduleTracks(db, feed.engagement_id);
    const wanted = feed.schedule_id ? [feed.schedule_id] : [...tracks.keys()];
    const shifts = (
      await Promise.all(
        wanted.map(async (id) =>
          (
            await schedules.shiftsIn(db, feed.engagement_id, id, readFrom, to)
          )
            .filter((shift) => shift.end > from)
            .map((shift) => ({ ...shift, scheduleId: id })),
        ),
      )
    ).flat();
    const mine = feed.schedule_id ? shifts : shifts.filter((shift) => shift.userId === feed.user_id);
    const names = await schedules.userNames(db, [...new Set(mine.map((s) => s.userId))]);
    const title = feed.schedule_id ? `On call: ${tracks.get(feed.schedule_id)?.name}` : 'My on-call shifts';
    const calendar = ical({ name: `Tandem · ${title}`, method: ICalCalendarMethod.PUBLISH, ttl: 15 * 60 });
    for (const shift of mine) {
      const schedule = tracks.get(shift.scheduleId);
      calendar.createEvent({
        id: `${shift.scheduleId}-${shift.userId}-${shift.start.getTime()}@tandem`,
        start: shift.start,
        end: shift.end,
        summary: feed.schedule_id
          ? `${names.get(shift.userId) ?? 'Someone'} on call (${schedule?.name})`
          : `On call: ${schedule?.name} (${schedule?.track})`,
        stamp: now(),
      });
    }
    return calendar.toString();
  }

  return { createFeed, listFeeds, revokeFeed, render };
}
