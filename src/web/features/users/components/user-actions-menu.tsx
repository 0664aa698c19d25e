import { ActionIcon, Menu } from '@mantine/core';
import { IconDotsVertical, IconUserCheck, IconUserDown, IconUserOff, IconUserUp } from '@tabler/icons-react';
import type { User } from '../../../lib/api-types.ts';
import type { UserChanges } from '../api/update-user.ts';

interface UserActionsMenuProps {
  user: User;
  /** The signed-in admin's own row: no demoting or disabling yourself. */
  isYou: boolean;
  /** A change to this user is on its way. */
  pending: boolean;
  /** Applies a reversible change at once; `done` is the sentence to confirm it with. */
  onChange: (changes: UserChanges, done: string) => void;
  /** Disabling signs the user out everywhere, so it asks first. */
  onDisable: () => void;
}

/** One user's actions: make admin or member, enable or disable. */
export function UserActionsMenu({ user, isYou, pending, onChange, onDisable }: UserActionsMenuProps) {
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.name}`} loading={pending}>
          <IconDotsVertical size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {isYou && <Menu.Label>Another admin changes your own account</Menu.Label>}
        {user.orgRole === 'admin' ? (
          <Menu.Item
            leftSection={<IconUserDown size={16} />}
            disabled={isYou}
            onClick={() => onChange({ orgRole: 'member' }, `${user.name} is now an organization member`)}
          >
            Make member
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconUserUp size={16} />}
            onClick={() => onChange({ orgRole: 'admin' }, `${user.name} is now an organization admin`)}
          >
            Make admin
          </Menu.Item>
        )}
        <Menu.Divider />
        {user.disabled ? (
          <Menu.Item
            leftSection={<IconUserCheck size={16} />}
            onClick={() => onChange({ disabled: false }, `${user.name} can sign in again`)}
          >
            Enable
          </Menu.Item>
        ) : (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} />} disabled={isYou} onClick={onDisable}>
            Disable
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
