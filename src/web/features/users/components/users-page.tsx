import { Button } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useUsers } from '../api/list-users.ts';
import { CreateUserModal } from './create-user-modal.tsx';
import { UsersTable } from './users-table.tsx';

interface UsersPageProps {
  /** The signed-in organization admin. */
  currentUser: { id: string; organizationId: string };
}

/** Administration: the accounts of the organizations the caller administers. */
export function UsersPage({ currentUser }: UsersPageProps) {
  const users = useUsers();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in from the organizations you administer. What they may do in an engagement is set under Members & teams."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      {users.isError ? (
        <QueryErrorAlert error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <UsersTable users={users.data} currentUserId={currentUser.id} />
      )}
      <CreateUserModal
        opened={creating}
        defaultOrganizationId={currentUser.organizationId}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
