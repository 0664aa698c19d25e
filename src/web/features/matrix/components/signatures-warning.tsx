import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PARTY_LABELS } from '../../../lib/api-types.ts';
import type { MatrixSignature } from '../api/matrix-types.ts';

/** Said before any save: an edit clears the signatures already given to the draft. */
export function SignaturesWarning({ signatures }: { signatures: readonly MatrixSignature[] }) {
  if (signatures.length === 0) return null;
  const who = signatures.map((s) => `${s.userName} for the ${PARTY_LABELS[s.party].toLowerCase()} party`);
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="Saving clears the signatures"
      data-testid="signatures-warning"
    >
      The draft is signed by {who.join(' and ')}. Any change clears {signatures.length > 1 ? 'them' : 'it'}:
      both parties sign the new draft again.
    </Alert>
  );
}
