import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorNavLinkProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;

function AnchorNavLink(props: AnchorNavLinkProps) {
  return <NavLink component="a" {...props} />;
}

/**
 * A Mantine NavLink that is a router link: typed `to`/`params`, preloading on hover, and the
 * active look (plus `aria-current="page"`) when its route is open.
 */
export const NavItem = createLink(AnchorNavLink);
