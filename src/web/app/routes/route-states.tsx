import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCompass, IconPlugConnectedX, IconUsersGroup } from '@tabler/icons-react';
import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useLogOut } from '../../features/auth/api/log-out.ts';
import { describeError } from '../../lib/problem.ts';

function StatePage({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={460} ta="center">
        {icon}
        <Title order={1} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Center>
  );
}

/** An address that matches nothing — or an engagement the user is not part of, which looks the same. */
export function NotFoundPage() {
  return (
    <StatePage icon={<IconCompass size={40} stroke={1.4} />} title="Nothing here">
      <Text c="dimmed" size="sm">
        This page does not exist, or it belongs to an engagement you are not a member of.
      </Text>
      <Button component={Link} to="/" variant="default">
        Go to your engagements
      </Button>
    </StatePage>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <StatePage icon={<IconPlugConnectedX size={40} stroke={1.4} />} title="This page could not load">
      <Text c="dimmed" size="sm">
        {describeError(error)}
      </Text>
      <Button
        variant="default"
        onClick={() => {
          reset();
          router.invalidate();
        }}
      >
        Try again
      </Button>
    </StatePage>
  );
}

export function RoutePending() {
  return (
    <Center mih="60vh">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

/** Signed in, but no engagement yet: say who can fix it. */
export function NoEngagementPage() {
  const logOut = useLogOut();
  const router = useRouter();
  return (
    <StatePage icon={<IconUsersGroup size={40} stroke={1.4} />} title="You are not part of an engagement yet">
      <Text c="dimmed" size="sm">
        Everything in Tandem happens inside an engagement between a client and its provider. Ask an
        administrator or a manager of your organization to add you to one.
      </Text>
      <Button
        variant="default"
        loading={logOut.isPending}
        onClick={() => logOut.mutate(undefined, { onSettled: () => router.navigate({ to: '/login' }) })}
      >
        Log out
      </Button>
    </StatePage>
  );
}
