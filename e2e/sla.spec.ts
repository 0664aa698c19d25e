import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const mspAgent = 'sam.patel@northwind.example'; // provider party, agent
const technician = 'tom.eriksen@harborline.example'; // internal party, agent

/** The badge of one clock, found by what a screen reader hears: "Provider resolution clock: …". */
function clock(page: Page, name: RegExp) {
  return page.getByTestId('sla-clocks').getByRole('img', { name });
}

test('asking the internal team a question pauses the provider clock and runs theirs until they answer', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two people, two browsers, one ticket
  const stamp = Date.now().toString(36);
  const title = `Scanner VLAN for the new dock ${stamp}`;
  const question = `Which **VLAN** should the dock scanners join? ${stamp}`;

  const agentContext = await browser.newContext();
  const technicianContext = await browser.newContext();
  const agent = await agentContext.newPage();
  const tech = await technicianContext.newPage();

  // The MSP agent opens a ticket: the provider's clocks start at once.
  await signIn(agent, mspAgent);
  await expect(agent).toHaveURL(/\/e\/[^/]+$/);
  await agent.goto('/e/harborline/tickets');
  await expect(agent.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await agent.locator('body').press('c');
  const form = agent.getByRole('dialog', { name: 'New ticket' });
  await form.getByLabel('Title').fill(title);
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(agent.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const resolution = clock(agent, /^Provider resolution clock: /);
  await expect(resolution).toBeVisible();
  await expect(resolution).not.toHaveAccessibleName(/paused/);
  await expect(resolution).toHaveAttribute('data-tone', 'on_track');

  // The agent asks the internal team: the ball is in their court.
  await agent.getByRole('button', { name: 'Ask the other party' }).click();
  const ask = agent.getByRole('dialog', { name: 'Ask the internal team' });
  await ask.getByLabel('Question').fill(question);
  await ask.getByRole('button', { name: 'Send question' }).click();
  await expect(ask).toBeHidden();
  await expect(agent.getByTestId('info-request').filter({ hasText: 'Which VLAN' })).toBeVisible();
  await expect(resolution).toHaveAccessibleName(/^Provider resolution clock: paused/);
  await expect(resolution).toHaveAttribute('data-tone', 'paused');
  const answerClock = clock(agent, /^Internal answer clock: /);
  await expect(answerClock).toBeVisible();
  await expect(answerClock).not.toHaveAccessibleName(/paused|met/);

  // The technician finds it under "Questions for us" and answers there.
  await signIn(tech, technician);
  await expect(tech).toHaveURL(/\/e\/[^/]+$/);
  await tech.goto('/e/harborline/sla/at-risk');
  const forUs = tech.getByRole('region', { name: 'Questions for us' });
  const card = forUs.getByTestId('info-request').filter({ hasText: title });
  await expect(card).toContainText('Which VLAN should the dock scanners join?');
  await expect(card.locator('strong')).toHaveText('VLAN');
  await card.getByRole('textbox', { name: /^Answer to / }).fill('VLAN 40, the scanner network.');
  await card.getByRole('button', { name: 'Send answer' }).click();
  await expect(card).toBeHidden();

  // The agent's open page hears of it without a reload: the provider's clock runs again.
  await expect(resolution).not.toHaveAccessibleName(/paused/);
  await expect(clock(agent, /^Internal answer clock: met/)).toBeVisible();
  await expect(agent.getByTestId('info-request').filter({ hasText: 'VLAN 40' })).toHaveAttribute(
    'data-state',
    'answered',
  );

  // The clock history says why each clock paused and resumed.
  await agent.getByRole('button', { name: 'Clock history' }).click();
  const history = agent.getByTestId('clock-history');
  await expect(history).toContainText('Paused');
  await expect(history).toContainText('Resumed');
  await expect(history).toContainText('waiting on internal');

  await agentContext.close();
  await technicianContext.close();
});

test('the calendar preview says when a ticket opened on Friday afternoon is due', async ({ page }) => {
  await signIn(page, mspAgent);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  await page.goto('/e/harborline/sla/calendars');
  await page
    .getByRole('navigation', { name: 'Calendars' })
    .getByRole('button', { name: /Harborline business hours/ })
    .click();
  await expect(page.getByLabel('Name')).toHaveValue('Harborline business hours');

  // Open 08:00–12:00 and 13:00–17:00 in Chicago: half an hour on Friday, three and a half on Monday.
  const preview = page.getByTestId('calendar-preview');
  await preview.getByLabel(/^Opened at/).fill('2027-03-05T16:30');
  await preview.getByLabel('Business time').fill('4h');
  await expect(preview.getByTestId('preview-due')).toHaveText(
    /^Opened Friday 0?4:30\s?PM → due Monday 11:30\s?AM$/,
  );
});
