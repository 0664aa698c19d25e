import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const technician = 'tom.eriksen@harborline.example'; // internal party, agent
const mspAgent = 'sam.patel@northwind.example'; // provider party, agent

async function openTickets(page: Page) {
  await page.goto('/e/harborline/tickets');
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
}

test('an internal technician and an MSP agent work one ticket: private notes stay private, shared comments and whose move arrive live', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two people, two browsers, one ticket
  const stamp = Date.now().toString(36);
  const title = `Label printer offline at dock 4 ${stamp}`;
  const privateNote = `Provider-only: vendor contract lapses Friday ${stamp}`;
  const sharedReply = `Shared: we are on it, please power-cycle the printer ${stamp}`;

  const agentContext = await browser.newContext();
  const technicianContext = await browser.newContext();
  const agent = await agentContext.newPage();
  const tech = await technicianContext.newPage();

  // The MSP agent opens a fresh ticket from the list, with the `c` key.
  await signIn(agent, mspAgent);
  await expect(agent).toHaveURL(/\/e\/[^/]+$/);
  await openTickets(agent);
  await agent.locator('body').press('c');
  const form = agent.getByRole('dialog', { name: 'New ticket' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description').fill('Dock 4 cannot print **shipping labels** since 07:10.');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form).toBeHidden();
  await expect(agent.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(agent.getByText('shipping labels', { exact: true })).toHaveJSProperty('tagName', 'STRONG');
  const ticketPath = new URL(agent.url()).pathname;
  const number = (
    (await agent
      .getByText(/^LOGI-\d+$/)
      .first()
      .textContent()) ?? ''
  ).trim();
  expect(number).toMatch(/^LOGI-\d+$/);

  // The technician has the same ticket open, in a browser of their own.
  await signIn(tech, technician);
  await expect(tech).toHaveURL(/\/e\/[^/]+$/);
  await tech.goto(ticketPath);
  await expect(tech.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The agent writes a provider-only note: the composer turns amber and says who will see it.
  const composer = agent.getByTestId('composer');
  await composer.locator('label', { hasText: 'Provider only' }).click();
  await expect(composer).toHaveAttribute('data-private', 'true');
  await expect(composer).toContainText('Only Provider staff will see this');
  await composer.getByRole('textbox', { name: 'Private note' }).fill(privateNote);
  await composer.getByRole('button', { name: 'Add provider only note' }).click();
  const agentNote = agent.getByTestId('comment').filter({ hasText: privateNote });
  await expect(agentNote).toHaveAttribute('data-visibility', 'provider_only');

  // Then a shared reply, which reaches the technician's open page without a reload.
  await composer.locator('label', { hasText: 'Shared' }).click();
  await expect(composer).not.toHaveAttribute('data-private', 'true');
  await composer.getByRole('textbox', { name: 'Comment' }).fill(sharedReply);
  await composer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(agent.getByTestId('comment').filter({ hasText: sharedReply })).toBeVisible();

  await expect(tech.getByTestId('comment').filter({ hasText: sharedReply })).toBeVisible();
  // The note was written first; had it leaked, it would be on screen by now.
  await expect(tech.locator('body')).not.toContainText(privateNote);
  await expect(tech.locator('body')).not.toContainText('Provider only');

  // The agent hands the ball to the internal team; the technician's page says it is their move.
  await agent.getByRole('button', { name: /^Status: / }).click();
  await agent.getByRole('menuitem', { name: 'Waiting on internal' }).click();
  await expect(agent.getByRole('button', { name: 'Status: Waiting on internal' })).toBeVisible();
  await expect(tech.getByRole('button', { name: 'Status: Waiting on internal' })).toBeVisible();
  await expect(tech.getByTestId('whose-move').first()).toHaveText('Our move');

  // …and the ticket is in the technician's "Our move" view.
  await tech.getByRole('link', { name: 'Tickets' }).first().click();
  await tech
    .getByRole('navigation', { name: 'Ticket views' })
    .getByRole('button', { name: 'Our move' })
    .click();
  await expect(tech).toHaveURL(/view=our_move/);
  const row = tech.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(title);
  await expect(row).toContainText('Our move');
  await expect(tech.locator('body')).not.toContainText(privateNote);

  // The agent's "Their move" view holds it too: the same ticket, seen from the other side.
  await agent.getByRole('link', { name: 'Tickets' }).first().click();
  await agent
    .getByRole('navigation', { name: 'Ticket views' })
    .getByRole('button', { name: 'Their move' })
    .click();
  await expect(agent).toHaveURL(/view=their_move/);
  await expect(agent.getByRole('row').filter({ hasText: number })).toContainText('Their move');

  await agentContext.close();
  await technicianContext.close();
});

test('renders Markdown safely: no script, no event handler, no javascript: link survives', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const title = `Markdown check ${stamp}`;
  const description = [
    'Before **bold** after.',
    '<script>window.__pwned = 1</script>',
    '<img src="x" onerror="window.__pwned = 2">',
    '[click me](javascript:window.__pwned=3)',
    '[a real link](https://example.com/runbook)',
  ].join('\n\n');
  await signIn(page, technician);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  await openTickets(page);
  await page.locator('body').press('c');
  const form = page.getByRole('dialog', { name: 'New ticket' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const body = page.getByTestId('ticket-description');
  await expect(body.locator('strong')).toHaveText('bold');
  await expect(body.locator('script, img[onerror], [onerror]')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'a real link' })).toHaveAttribute(
    'href',
    'https://example.com/runbook',
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Following the ticket adds the reader to its watchers.
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: /Following · 1/ })).toBeVisible();
});
