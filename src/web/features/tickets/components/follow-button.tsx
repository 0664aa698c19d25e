import { Button } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useWatchTicket } from '../api/watch-ticket.ts';

interface FollowButtonProps {
  engagementId: string;
  ticketId: string;
  userId: string;
  watcherIds: readonly string[];
}

/** Follow or stop following the ticket; followers are the ticket's watchers. */
export function FollowButton({ engagementId, ticketId, userId, watcherIds }: FollowButtonProps) {
  const watch = useWatchTicket(engagementId, ticketId, userId);
  const following = watcherIds.includes(userId);
  return (
    <Button
      size="compact-sm"
      variant={following ? 'light' : 'default'}
      leftSection={following ? <IconBell size={14} /> : <IconBellOff size={14} />}
      loading={watch.isPending}
      aria-pressed={following}
      onClick={() => watch.mutate(!following)}
    >
      {following ? `Following · ${watcherIds.length}` : 'Follow'}
    </Button>
  );
}
