import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header.tsx';
import { ContactMethodsPanel } from './contact-methods-panel.tsx';
import { RulesPanel } from './rules-panel.tsx';

/** The signed-in user's own paging settings; they apply in every engagement. */
export function NotificationSettingsPage() {
  return (
    <Stack gap={0} maw={960}>
      <PageHeader
        title="Notifications"
        description="How pages reach you in every engagement: in the app while it is open, and by e-mail or webhook."
      />
      <Stack gap="md">
        <ContactMethodsPanel />
        <RulesPanel />
      </Stack>
    </Stack>
  );
}
