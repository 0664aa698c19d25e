/** The two sides of an engagement. */
export type Party = 'internal' | 'provider';
export const PARTIES: readonly Party[] = ['internal', 'provider'];

/** What a membership lets a user do in one engagement (DESIGN.md §2). */
export type Role = 'admin' | 'manager' | 'agent' | 'analyst' | 'viewer' | 'requester';
export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'];
