import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { TandemMark } from '../../../components/tandem-mark.tsx';
import type { Me } from '../../../lib/api-types.ts';
import { describeError, isApiError } from '../../../lib/problem.ts';
import { useLogIn } from '../api/log-in.ts';
import classes from './login-page.module.css';

/** The message for a failed sign-in; the server's wording is kept for anything unexpected. */
function signInError(error: unknown): string {
  if (isApiError(error, 401)) return 'Wrong e-mail or password';
  if (isApiError(error, 429)) {
    const seconds = error.retryAfterSeconds;
    return seconds === null
      ? 'Too many attempts, try again later'
      : `Too many attempts, try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  }
  return describeError(error);
}

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const logIn = useLogIn();

  function submit(event: FormEvent) {
    event.preventDefault();
    logIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  return (
    <Center mih="100vh" p="md" className={classes.backdrop}>
      <Stack w={380} gap="lg">
        <Stack gap={6} align="center">
          <TandemMark size={40} />
          <Title order={1} size="h3">
            Sign in to Tandem
          </Title>
          <Text size="sm" c="dimmed" ta="center">
            Co-managed IT: your internal team and your service provider, in one system.
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            {logIn.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {signInError(logIn.error)}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={logIn.isPending} disabled={!email || !password}>
              Sign in
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
