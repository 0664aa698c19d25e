import type { PageAction } from './action-links.ts';
import { escapeHtml } from './page-email.ts';
import type { PageNotice } from './webhook-formats.ts';

/** A small page that works without JavaScript or the web app: a heading, words, maybe a button. */
export function actionPage(content: {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly form?: { readonly action: string; readonly button: string };
  readonly link?: { readonly href: string; readonly text: string };
}): string {
  const form = content.form
    ? `<form method="post" action="${escapeHtml(content.form.action)}"><button type="submit">${escapeHtml(content.form.button)}</button></form>`
    : '';
  const link = content.link
    ? `<p><a href="${escapeHtml(content.link.href)}">${escapeHtml(content.link.text)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(content.heading)} · Tandem</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1c7ed6;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f59f00;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${form}
${link}
</main>
</body>
</html>`;
}

export const VERB: Record<PageAction, { readonly now: string; readonly done: string }> = {
  acknowledge: { now: 'Acknowledge', done: 'Acknowledged' },
  resolve: { now: 'Resolve', done: 'Resolved' },
};

/** What the button will do, said before it is pressed (a GET never changes anything). */
export function confirmPage(action: PageAction, notice: PageSummary | undefined, formAction: string): string {
  const what =
    action === 'acknowledge'
      ? notice?.drill
        ? 'This acknowledges your page in the escalation drill, as you.'
        : 'This acknowledges the incident as you: the escalation stops and nobody else is paged.'
      : 'This resolves the incident as you: its escalation ends.';
  return actionPage({
    heading: `${VERB[action].now}${notice ? `: ${notice.title}` : ''}`,
    paragraphs: [what],
    form: { action: formAction, button: VERB[action].now },
    ...openIn(notice),
  });
}

/** What the page's notification said, as far as these pages need it. */
export type PageSummary = Pick<PageNotice, 'title' | 'drill' | 'url'>;

export function openIn(notice: PageSummary | undefined): { link?: { href: string; text: string } } {
  return notice?.url ? { link: { href: notice.url, text: 'Open in Tandem' } } : {};
}
