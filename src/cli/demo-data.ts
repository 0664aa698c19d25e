import type { Party, Role } from '../platform/access/roles.ts';

/** The demo's people and places: an MSP and two clients with very different needs. */
export const PROVIDER = { slug: 'northwind', name: 'Northwind IT Services' };

export const CLIENTS = [
  {
    slug: 'harborline',
    name: 'Harborline Logistics',
    engagement: {
      slug: 'harborline',
      name: 'Harborline Logistics — 24/7 co-managed IT',
      ticketPrefix: 'LOGI',
    },
    internalTeams: [
      { name: 'Internal Infrastructure', description: 'Servers, network and the warehouse systems' },
      { name: 'Internal Service Desk', description: 'Business-hours desk at head office' },
    ],
  },
  {
    slug: 'maplegrove',
    name: 'Maple Grove Clinic',
    engagement: { slug: 'maplegrove', name: 'Maple Grove Clinic — co-managed IT', ticketPrefix: 'CLIN' },
    internalTeams: [{ name: 'Clinic IT', description: 'The clinic’s two-person IT team' }],
  },
] as const;

export const PROVIDER_TEAMS = [
  { name: 'Service Desk', description: 'Northwind’s shared service desk' },
  { name: 'Security Operations (SOC)', description: '24/7 security track' },
  { name: 'NOC On-call', description: 'After-hours operations track' },
] as const;

export interface DemoPerson {
  readonly email: string;
  readonly name: string;
  readonly orgAdmin?: boolean;
  /** Role per engagement slug ('*' for every client engagement). */
  readonly roles: Readonly<Record<string, Role>>;
  readonly teams?: readonly string[];
}

export const PROVIDER_PEOPLE: readonly DemoPerson[] = [
  { email: 'admin@northwind.example', name: 'Alex Morgan', orgAdmin: true, roles: { '*': 'admin' } },
  { email: 'maria.chen@northwind.example', name: 'Maria Chen', roles: { '*': 'manager' } },
  {
    email: 'sam.patel@northwind.example',
    name: 'Sam Patel',
    roles: { '*': 'agent' },
    teams: ['Service Desk'],
  },
  {
    email: 'lee.okafor@northwind.example',
    name: 'Lee Okafor',
    roles: { '*': 'agent' },
    teams: ['Service Desk', 'NOC On-call'],
  },
  {
    email: 'dana.reyes@northwind.example',
    name: 'Dana Reyes',
    roles: { '*': 'analyst' },
    teams: ['Security Operations (SOC)'],
  },
  {
    email: 'kim.nguyen@northwind.example',
    name: 'Kim Nguyen',
    roles: { '*': 'analyst' },
    teams: ['Security Operations (SOC)'],
  },
  {
    email: 'jordan.blake@northwind.example',
    name: 'Jordan Blake',
    roles: { '*': 'agent' },
    teams: ['NOC On-call'],
  },
  { email: 'riley.shaw@northwind.example', name: 'Riley Shaw', roles: { harborline: 'viewer' } },
];

export const CLIENT_PEOPLE: Readonly<Record<string, readonly DemoPerson[]>> = {
  harborline: [
    {
      email: 'priya.sharma@harborline.example',
      name: 'Priya Sharma',
      orgAdmin: true,
      roles: { harborline: 'manager' },
      teams: ['Internal Infrastructure'],
    },
    {
      email: 'tom.eriksen@harborline.example',
      name: 'Tom Eriksen',
      roles: { harborline: 'agent' },
      teams: ['Internal Infrastructure'],
    },
    {
      email: 'ana.lopez@harborline.example',
      name: 'Ana Lopez',
      roles: { harborline: 'agent' },
      teams: ['Internal Service Desk'],
    },
    { email: 'george.white@harborline.example', name: 'George White', roles: { harborline: 'viewer' } },
    { email: 'nina.kowalski@harborline.example', name: 'Nina Kowalski', roles: { harborline: 'requester' } },
  ],
  maplegrove: [
    {
      email: 'dr.hale@maplegrove.example',
      name: 'Evelyn Hale',
      orgAdmin: true,
      roles: { maplegrove: 'manager' },
      teams: ['Clinic IT'],
    },
    {
      email: 'ben.carter@maplegrove.example',
      name: 'Ben Carter',
      roles: { maplegrove: 'agent' },
      teams: ['Clinic IT'],
    },
    { email: 'olivia.grant@maplegrove.example', name: 'Olivia Grant', roles: { maplegrove: 'viewer' } },
    { email: 'frank.li@maplegrove.example', name: 'Frank Li', roles: { maplegrove: 'requester' } },
  ],
};

export function partyOfPerson(email: string): Party {
  return email.endsWith('@northwind.example') ? 'provider' : 'internal';
}
