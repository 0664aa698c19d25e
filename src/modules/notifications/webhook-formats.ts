import type { WebhookFormat } from './tables.ts';

/** What a page notification says, whatever the channel (the outbox row's payload). */
export interface PageNotice {
  readonly engagementId: string;
  readonly engagementName: string;
  readonly pageId: string;
  readonly escalationId: string;
  readonly incidentId: string | null;
  readonly drill: boolean;
  readonly userId: string;
  readonly userName: string;
  readonly level: number;
  readonly round: number;
  readonly title: string;
  readonly summary: string;
  readonly url: string;
  readonly pagedAt: string;
  /** Set on test messages sent from the contact method screen. */
  readonly test?: boolean;
}

/** "Level 2, round 1 of the escalation" — why this person is being paged. */
export function whyYou(notice: PageNotice): string {
  const what = notice.drill ? 'an escalation drill' : 'the incident’s escalation';
  return `You are paged at level ${notice.level}${notice.round > 1 ? `, round ${notice.round},` : ''} of ${what}.`;
}

// Webhooks carry a link to the incident but never the one-click action links: a webhook often
// posts into a shared channel, and whoever reads a link there could act as the person paged.
export function webhookBody(format: WebhookFormat, notice: PageNotice, at: Date): unknown {
  if (format === 'slack') return slackMessage(notice);
  if (format === 'teams') return teamsCard(notice);
  return standardEvent(notice, at);
}

/** Standard Webhooks' suggested envelope: `{type, timestamp, data}`. */
function standardEvent(notice: PageNotice, at: Date) {
  return {
    type: notice.test ? 'notification.test' : 'incident.paged',
    timestamp: at.toISOString(),
    data: {
      engagementId: notice.engagementId,
      engagementName: notice.engagementName,
      pageId: notice.pageId,
      escalationId: notice.escalationId,
      incidentId: notice.incidentId,
      drill: notice.drill,
      userId: notice.userId,
      userName: notice.userName,
      level: notice.level,
      round: notice.round,
      title: notice.title,
      summary: notice.summary,
      url: notice.url,
      pagedAt: notice.pagedAt,
    },
  };
}

/** Slack incoming-webhook JSON: `text` for notifications and clients without blocks, plus blocks. */
function slackMessage(notice: PageNotice) {
  const mrkdwn = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const text = `${mrkdwn(notice.title)} — ${mrkdwn(notice.userName)} paged (${mrkdwn(notice.engagementName)})`;
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: notice.title.slice(0, 150), emoji: false } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `${mrkdwn(notice.summary || notice.title)}\n${mrkdwn(whyYou(notice))}`,
        },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `*${mrkdwn(notice.engagementName)}* · paged ${mrkdwn(notice.userName)}` },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open in Tandem' },
            url: notice.url,
            style: 'danger',
          },
        ],
      },
    ],
  };
}

/** A Teams connector MessageCard (what Teams incoming webhooks and workflows accept as `text`). */
function teamsCard(notice: PageNotice) {
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: notice.title,
    themeColor: notice.drill ? '1C7ED6' : 'E03131',
    title: notice.title,
    text: `${notice.summary || notice.title}\n\n${whyYou(notice)} (${notice.engagementName}, ${notice.userName})`,
    potentialAction: [
      { '@type': 'OpenUri', name: 'Open in Tandem', targets: [{ os: 'default', uri: notice.url }] },
    ],
  };
}
