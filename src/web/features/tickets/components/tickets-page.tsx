import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import type { Party, Ticket } from '../../../lib/api-types.ts';
import { useTickets } from '../api/list-tickets.ts';
import { BulkBar } from './bulk-bar.tsx';
import { CreateTicketModal } from './create-ticket-modal.tsx';
import { TicketFiltersBar } from './ticket-filters-bar.tsx';
import { TicketListFrame } from './ticket-list-frame.tsx';
import { hasFilters, type TicketListSearch, toTicketQuery } from './ticket-list-search.ts';
import { TicketTable } from './ticket-table.tsx';
import { useListKeyboard } from './use-list-keyboard.ts';

interface TicketsPageProps {
  engagementId: string;
  /** The viewer's party here, for "Our move" / "Their move" and the default owner. */
  party: Party;
  canCreate: boolean;
  canUpdate: boolean;
  search: TicketListSearch;
  onSearchChange: (search: TicketListSearch) => void;
  people: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
  hrefOf: (ticket: Ticket) => string;
  onOpen: (ticket: Ticket) => void;
}

/** The engagement's shared queue: views, filters, a dense list and the keys to work it. */
export function TicketsPage({
  engagementId,
  party,
  canCreate,
  canUpdate,
  search,
  onSearchChange,
  people,
  teams,
  hrefOf,
  onOpen,
}: TicketsPageProps) {
  const query = useTickets(engagementId, toTicketQuery(search));
  const tickets = query.data?.pages.flatMap((page) => page.items);
  const [creating, setCreating] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const [selected, setSelected] = useListKeyboard({
    items: tickets,
    onOpen,
    onCreate: canCreate ? () => setCreating(true) : undefined,
    searchRef,
  });

  return (
    <>
      <PageHeader
        title="Tickets"
        description="One queue both parties work in; every ticket says whose move it is."
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New ticket
            </Button>
          )
        }
      />
      <TicketListFrame
        search={search}
        onSearchChange={(next) => {
          setChecked(new Set());
          onSearchChange(next);
        }}
        engagementId={engagementId}
        query={query}
        filters={
          <TicketFiltersBar search={search} onChange={onSearchChange} people={people} searchRef={searchRef} />
        }
        bulkBar={
          canUpdate &&
          checked.size > 0 && (
            <BulkBar
              engagementId={engagementId}
              ticketIds={[...checked]}
              people={people}
              onDone={() => setChecked(new Set())}
            />
          )
        }
      >
        <TicketTable
          tickets={tickets}
          partyOf={() => party}
          nameOf={(id) => names.get(id)}
          hrefOf={hrefOf}
          onOpen={onOpen}
          selectedIndex={selected}
          onSelectIndex={setSelected}
          checked={canUpdate ? checked : undefined}
          onCheckedChange={canUpdate ? setChecked : undefined}
          emptyText={hasFilters(search) ? 'No ticket matches these filters.' : 'No tickets in this view.'}
        />
      </TicketListFrame>
      {canCreate && (
        <CreateTicketModal
          engagementId={engagementId}
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={onOpen}
          party={party}
          people={people}
          teams={teams}
        />
      )}
    </>
  );
}
