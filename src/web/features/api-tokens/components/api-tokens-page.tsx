import { Button } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { CreatedApiToken } from '../../../lib/api-types.ts';
import { useApiTokens } from '../api/list-api-tokens.ts';
import { ApiTokensTable } from './api-tokens-table.tsx';
import { CreateApiTokenModal } from './create-api-token-modal.tsx';
import { TokenRevealModal } from './token-reveal-modal.tsx';

/** An engagement a token can be limited to, as the token forms show it. */
export interface EngagementChoice {
  id: string;
  name: string;
}

/** The signed-in user's API tokens, for scripts and integrations that call the Tandem API. */
export function ApiTokensPage({ engagements }: { engagements: readonly EngagementChoice[] }) {
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and tools call the Tandem API as you (Authorization: Bearer …). They are yours, not the engagement's."
        actions={
          <Button leftSection={<IconKey size={16} />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      {tokens.isError ? (
        <QueryErrorAlert error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <ApiTokensTable tokens={tokens.data} engagements={engagements} />
      )}
      <CreateApiTokenModal
        opened={creating}
        engagements={engagements}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <TokenRevealModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
