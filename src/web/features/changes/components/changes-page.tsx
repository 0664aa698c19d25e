import { Button, Tabs } from '@mantine/core';
import { IconCalendarMonth, IconChecklist, IconList, IconPlus, IconSnowflake } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header.tsx';
import { useChangeEvents } from '../api/change-events.ts';
import type { Change } from '../api/change-types.ts';
import { ApprovalQueueView } from './approval-queue-view.tsx';
import { ChangeCalendarView } from './change-calendar-view.tsx';
import { ChangeListView } from './change-list-view.tsx';
import type { ChangesSearch, ChangeView } from './changes-search.ts';
import { CreateChangeModal } from './create-change-modal.tsx';
import { FreezeWindowsView } from './freeze-windows-view.tsx';

interface ChangesPageProps {
  engagementId: string;
  /** Actions from the engagement's `allowedActions`. */
  can: { create: boolean; approve: boolean; manageFreezes: boolean };
  search: ChangesSearch;
  onSearchChange: (search: ChangesSearch) => void;
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
}

/** Change requests: the list, the calendar, the approval queue and the freeze windows. */
export function ChangesPage({ engagementId, can, search, onSearchChange, hrefOf, onOpen }: ChangesPageProps) {
  const view: ChangeView = search.view === 'approvals' && !can.approve ? 'list' : (search.view ?? 'list');
  const links = { engagementId, hrefOf, onOpen };
  useChangeEvents(engagementId);
  return (
    <>
      <PageHeader
        title="Changes"
        description="Standard, normal and emergency changes, approved by the accountable party and kept out of freeze windows."
        actions={
          can.create && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => onSearchChange({ ...search, new: true })}
            >
              New change
            </Button>
          )
        }
      />
      <Tabs
        value={view}
        onChange={(next) =>
          // Each view keeps only what it reads from the URL.
          onSearchChange(
            next === 'list' || !next
              ? { state: search.state, type: search.type }
              : next === 'calendar'
                ? { view: 'calendar', span: search.span, date: search.date }
                : { view: next as Exclude<ChangeView, 'list'> },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
            List
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarMonth size={16} />}>
            Calendar
          </Tabs.Tab>
          {can.approve && (
            <Tabs.Tab value="approvals" leftSection={<IconChecklist size={16} />}>
              Approval queue
            </Tabs.Tab>
          )}
          <Tabs.Tab value="freeze" leftSection={<IconSnowflake size={16} />}>
            Freeze windows
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <ChangeListView {...links} search={search} onSearchChange={onSearchChange} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <ChangeCalendarView {...links} search={search} onSearchChange={onSearchChange} />
        </Tabs.Panel>
        {can.approve && (
          <Tabs.Panel value="approvals">
            <ApprovalQueueView {...links} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="freeze">
          <FreezeWindowsView engagementId={engagementId} canManage={can.manageFreezes} />
        </Tabs.Panel>
      </Tabs>
      {can.create && (
        <CreateChangeModal
          engagementId={engagementId}
          opened={search.new === true}
          onClose={() => onSearchChange({ ...search, new: undefined })}
          onCreated={onOpen}
        />
      )}
    </>
  );
}
