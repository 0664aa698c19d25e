import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { useAnswerQuestion } from '../api/answer-question.ts';

interface AnswerFormProps {
  engagementId: string;
  infoRequestId: string;
  /** Names the box for screen readers, e.g. "Answer to LOGI-57". */
  label: string;
}

/** The answer box under an open question asked of the viewer's party. */
export function AnswerForm({ engagementId, infoRequestId, label }: AnswerFormProps) {
  const [answer, setAnswer] = useState('');
  const send = useAnswerQuestion(engagementId, infoRequestId);
  const error = fieldErrors(send.error).answer;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate(answer.trim(), { onSuccess: () => setAnswer('') });
      }}
    >
      <Stack gap={6}>
        <Textarea
          aria-label={label}
          placeholder="Your answer (Markdown allowed)"
          autosize
          minRows={2}
          maxRows={10}
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={error}
        />
        {send.isError && !error && (
          <Alert color="red" variant="light" py={6} role="alert">
            {describeError(send.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="compact-sm" loading={send.isPending} disabled={!answer.trim()}>
            Send answer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
