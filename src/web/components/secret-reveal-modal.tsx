import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface SecretRevealModalProps {
  /** The secret the server sent once; null keeps the modal closed. It is never kept after closing. */
  secret: string | null;
  title: string;
  /** What the secret is for and what to do if it is lost. */
  warning: ReactNode;
  /** Names the secret for screen readers and tests, e.g. "Integration key". */
  label: string;
  onClose: () => void;
  /** Below the secret: how to use it. */
  children?: ReactNode;
  testId?: string;
}

/** Shows a secret (a key, a signing secret) the one time the server sends it, with a copy button. */
export function SecretRevealModal({
  secret,
  title,
  warning,
  label,
  onClose,
  children,
  testId = 'revealed-secret',
}: SecretRevealModalProps) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} closeOnClickOutside={false} size="lg">
      {secret && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now">
            {warning}
          </Alert>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code
              block
              aria-label={label}
              data-testid={testId}
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}
            >
              {secret}
            </Code>
            <CopyButton value={secret}>
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
          {children}
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
