import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedApiToken } from '../../../lib/api-types.ts';

interface TokenRevealModalProps {
  /** The token just created; null keeps the modal closed. Its secret is never kept after closing. */
  token: CreatedApiToken | null;
  onClose: () => void;
}

/** Shows a new token's secret the one time the server sends it. */
export function TokenRevealModal({ token, onClose }: TokenRevealModalProps) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={token ? `Token “${token.name}” created` : 'Token created'}
      closeOnClickOutside={false}
      size="lg"
    >
      {token && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now">
            This is the only time the token is shown. Tandem keeps only a hash of it, so it can't be shown
            again; if you lose it, revoke it and create a new one.
          </Alert>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code
              block
              aria-label="New API token"
              data-testid="new-api-token"
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}
            >
              {token.token}
            </Code>
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'green' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                  miw={108}
                  h="auto"
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer {'<token>'}</Code> to <Code>/api/v1/…</Code>.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              I have stored it
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
