import { Code, Text } from '@mantine/core';
import { SecretRevealModal } from '../../../components/secret-reveal-modal.tsx';
import type { CreatedApiToken } from '../../../lib/api-types.ts';

interface TokenRevealModalProps {
  /** The token just created; null keeps the modal closed. Its secret is never kept after closing. */
  token: CreatedApiToken | null;
  onClose: () => void;
}

/** Shows a new token's secret the one time the server sends it. */
export function TokenRevealModal({ token, onClose }: TokenRevealModalProps) {
  return (
    <SecretRevealModal
      secret={token?.token ?? null}
      title={token ? `Token “${token.name}” created` : 'Token created'}
      label="New API token"
      testId="new-api-token"
      onClose={onClose}
      warning="This is the only time the token is shown. Tandem keeps only a hash of it, so it can't be shown again; if you lose it, revoke it and create a new one."
    >
      <Text size="sm" c="dimmed">
        Send it as <Code>Authorization: Bearer {'<token>'}</Code> to <Code>/api/v1/…</Code>.
      </Text>
    </SecretRevealModal>
  );
}
