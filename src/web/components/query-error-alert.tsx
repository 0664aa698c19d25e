import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { describeError } from '../lib/problem.ts';

interface QueryErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed load: what went wrong and a way to try again. */
export function QueryErrorAlert({
  error,
  title = 'Could not load this page',
  onRetry,
}: QueryErrorAlertProps) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title} role="alert">
      {describeError(error)}
      {onRetry && (
        <Button variant="subtle" color="red" size="compact-sm" ml="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
