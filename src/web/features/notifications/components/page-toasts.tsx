import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging } from '@tabler/icons-react';
import { useEngagementEvents } from '../../../lib/engagement-events.ts';

/** What a `page.created` event carries: whom it pages and the incident. */
interface PageEventData {
  userId?: unknown;
  title?: unknown;
  incidentId?: unknown;
  engagementId?: unknown;
}

export interface PageNotice {
  pageId: string;
  engagementId: string;
  incidentId: string | null;
  title: string;
}

interface PageToastsOptions {
  /** The signed-in user: only their own pages raise a toast. */
  userId: string;
  hrefOf: (page: PageNotice) => string;
  onOpen: (page: PageNotice) => void;
}

/**
 * In-app paging: when a page for the signed-in user arrives on an engagement's stream, a toast
 * says so until dismissed, linking to the incident. Others' pages pass by silently.
 */
export function usePageToasts(
  engagementIds: readonly string[],
  { userId, hrefOf, onOpen }: PageToastsOptions,
) {
  useEngagementEvents(engagementIds, ['page.created'], (engagementId, event) => {
    const data = (event.data ?? {}) as PageEventData;
    if (data.userId !== userId || !event.id) return;
    const page: PageNotice = {
      pageId: event.id,
      engagementId: typeof data.engagementId === 'string' ? data.engagementId : engagementId,
      incidentId: typeof data.incidentId === 'string' ? data.incidentId : null,
      title: typeof data.title === 'string' ? data.title : 'An incident',
    };
    const id = `page:${page.pageId}`;
    notifications.show({
      id,
      color: 'red',
      autoClose: false,
      icon: <IconBellRinging size={16} />,
      title: 'You are paged',
      message: (
        <Text size="sm" component="span" data-testid="page-toast">
          {page.incidentId ? (
            <Anchor
              href={hrefOf(page)}
              size="sm"
              onClick={(click) => {
                click.preventDefault();
                notifications.hide(id);
                onOpen(page);
              }}
            >
              {page.title}
            </Anchor>
          ) : (
            page.title
          )}
        </Text>
      ),
    });
  });
}
