import { type PageNotice, whyYou } from './webhook-formats.ts';

/** The one-click links an e-mail carries (resolve only for a real incident). */
export interface ActionLinks {
  readonly acknowledge: string;
  readonly resolve: string | null;
  readonly expiresAt: Date;
}

export interface PageEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** What happened, where, why this person, and what they can do about it from the mail itself. */
export function pageEmail(notice: PageNotice, links: ActionLinks | null): PageEmail {
  const where = notice.drill ? 'Escalation drill' : 'Incident';
  const subject = `${notice.test ? '[TEST] ' : ''}${notice.title}`;
  const expiry = links
    ? `These links work until ${links.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`
    : '';
  const text = [
    notice.title,
    '',
    notice.summary,
    '',
    `${where} in ${notice.engagementName}: ${notice.url}`,
    whyYou(notice),
    '',
    ...(links
      ? [`Acknowledge: ${links.acknowledge}`, ...(links.resolve ? [`Resolve: ${links.resolve}`] : []), expiry]
      : ['This is a test message from Tandem: your contact method works.']),
  ].join('\n');
  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;margin-right:8px;background:${colour};color:#fff;text-decoration:none;border-radius:4px;font-weight:600">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">
<h1 style="font-size:20px">${escapeHtml(notice.title)}</h1>
<p>${escapeHtml(notice.summary)}</p>
<p>${escapeHtml(where)} in <strong>${escapeHtml(notice.engagementName)}</strong>: <a href="${escapeHtml(notice.url)}">open in Tandem</a></p>
<p>${escapeHtml(whyYou(notice))}</p>
${
  links
    ? `<p>${button(links.acknowledge, 'Acknowledge', '#1c7ed6')}${links.resolve ? button(links.resolve, 'Resolve', '#2f9e44') : ''}</p>
<p style="color:#666;font-size:13px">${escapeHtml(expiry)} Each opens a page where you confirm.</p>`
    : '<p>This is a test message from Tandem: your contact method works.</p>'
}
</body></html>`;
  return { subject, text, html };
}
