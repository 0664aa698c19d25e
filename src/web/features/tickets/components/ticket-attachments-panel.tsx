import { Anchor, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { attachmentUrl, useAttachments, useUploadAttachment } from '../api/ticket-attachments.ts';

interface TicketAttachmentsPanelProps {
  engagementId: string;
  ticketId: string;
  canUpload: boolean;
}

/** The ticket's files: a download link for each, and an upload button for those who may comment. */
export function TicketAttachmentsPanel({ engagementId, ticketId, canUpload }: TicketAttachmentsPanelProps) {
  const attachments = useAttachments(engagementId, ticketId);
  const upload = useUploadAttachment(engagementId, ticketId);

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={2} size="h5">
          Attachments
        </Title>
        {canUpload && (
          <FileButton onChange={(file) => file && upload.mutate(file)}>
            {(buttonProps) => (
              <Button
                {...buttonProps}
                size="compact-sm"
                variant="default"
                leftSection={<IconPaperclip size={14} />}
                loading={upload.isPending}
              >
                Attach file
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {attachments.isError && (
        <QueryErrorAlert
          error={attachments.error}
          title="Could not load the attachments"
          onRetry={() => attachments.refetch()}
        />
      )}
      {attachments.data?.length === 0 && (
        <Text size="xs" c="dimmed">
          No files attached.
        </Text>
      )}
      {attachments.data?.map((attachment) => (
        <Group key={attachment.id} gap={6}>
          <IconDownload size={14} />
          <Anchor size="sm" href={attachmentUrl(engagementId, ticketId, attachment.id)} download>
            {attachment.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatSize(attachment.size)} · {attachment.uploadedByName}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
