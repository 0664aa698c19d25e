import { useRef } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import type { Party, Ticket } from '../../../lib/api-types.ts';
import { useTicketQueue } from '../api/list-tickets.ts';
import { useTicketEvents } from '../api/ticket-events.ts';
import { TicketFiltersBar } from './ticket-filters-bar.tsx';
import { TicketListFrame } from './ticket-list-frame.tsx';
import { hasFilters, type TicketListSearch, toTicketQuery } from './ticket-list-search.ts';
import { TicketTable } from './ticket-table.tsx';
import { useListKeyboard } from './use-list-keyboard.ts';

interface TicketQueuePageProps {
  /** Every engagement of the user, with the party they act for there. */
  engagements: readonly { id: string; name: string; party: Party }[];
  search: TicketListSearch;
  onSearchChange: (search: TicketListSearch) => void;
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
}

/** Provider staff's one queue: the same list, filters and views across all their engagements. */
export function TicketQueuePage({
  engagements,
  search,
  onSearchChange,
  hrefOf,
  onOpen,
}: TicketQueuePageProps) {
  const query = useTicketQueue(toTicketQuery(search));
  const tickets = query.data?.pages.flatMap((page) => page.items);
  const searchRef = useRef<HTMLInputElement>(null);
  const byId = new Map(engagements.map((engagement) => [engagement.id, engagement]));
  useTicketEvents(engagements.map((engagement) => engagement.id));
  const [selected, setSelected] = useListKeyboard({ items: tickets, onOpen, searchRef });

  return (
    <>
      <PageHeader
        title="All my engagements"
        description="One queue across every client you work for; narrow it to one engagement with the filter."
      />
      <TicketListFrame
        search={search}
        onSearchChange={onSearchChange}
        engagementId={null}
        query={query}
        filters={
          <TicketFiltersBar
            search={search}
            onChange={onSearchChange}
            people={[]}
            engagements={engagements}
            searchRef={searchRef}
          />
        }
      >
        <TicketTable
          tickets={tickets}
          partyOf={(id) => byId.get(id)?.party ?? null}
          nameOf={() => undefined}
          hrefOf={hrefOf}
          onOpen={onOpen}
          selectedIndex={selected}
          onSelectIndex={setSelected}
          engagementNameOf={(id) => byId.get(id)?.name ?? 'Another engagement'}
          emptyText={hasFilters(search) ? 'No ticket matches these filters.' : 'No tickets in this view.'}
        />
      </TicketListFrame>
    </>
  );
}
