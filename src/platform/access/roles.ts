/** The two sides of an engagement. */
export type Party = 'internal' | 'provider';
export const PARTIES: readonly Party[] = ['internal', 'provider'];

/** What a membership lets a user do in one engagement (DESIGN.md §2). */
export type Role = 'admin' | 'manager' | 'agent' | 'analyst' | 'viewer' | 'requester';
export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'];

/** The MSP running the installation, or one of its client companies. */
export type OrganizationKind = 'provider' | 'client';

/** A user's standing in their own organization: admins manage its users (and, at the provider, the installation). */
export type OrgRole = 'admin' | 'member';
