import { NavLink } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';

interface NavGroupProps {
  label: string;
  icon: ReactNode;
  /** The paths of the area: the group opens by itself when one of them is shown. */
  area: RegExp;
  children: ReactNode;
}

/** A collapsible area of the navigation, opened while the user is inside it. */
export function NavGroup({ label, icon, area, children }: NavGroupProps) {
  const inArea = useRouterState({ select: (state) => area.test(state.location.pathname) });
  const [opened, setOpened] = useState(inArea);
  useEffect(() => {
    if (inArea) setOpened(true);
  }, [inArea]);
  return (
    <NavLink label={label} leftSection={icon} opened={opened} onChange={setOpened} childrenOffset={22}>
      {children}
    </NavLink>
  );
}
