import {
  IconFileText,
  IconPresentationAnalytics,
  IconServer2,
  IconShieldCheck,
  IconTicket,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

/** An area of the engagement that a later release fills; the page says what it will hold. */
export interface UpcomingSectionInfo {
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  summary: string;
  features: readonly string[];
}

export const UPCOMING_SECTIONS = {
  tickets: {
    label: 'Tickets',
    icon: IconTicket,
    summary:
      "Shared tickets arrive in a later release: one queue for both parties, where every ticket's status says whose move it is — and that is what stops one party's SLA clock and starts the other's.",
    features: [
      'Incidents, requests, problems, changes, information requests and project tasks',
      'Owning party, team and assignee, with status waiting on internal, provider or requester',
      'Comments shared with both parties, or kept provider-only or internal-only',
      'Links to alerts, assets, documents and changes, and a full activity timeline',
    ],
  },
  documents: {
    label: 'Documents',
    icon: IconFileText,
    summary:
      'Documents arrive in a later release: runbooks, environment notes and handoff protocols in Markdown, owned by a party and reviewed on a schedule.',
    features: [
      'Versions with authors, an owner party and a review-by date',
      'Exported whole with the engagement, so the client keeps its documentation',
    ],
  },
  assets: {
    label: 'Assets',
    icon: IconServer2,
    summary:
      'Assets arrive in a later release: the inventory both parties share — devices, services and applications.',
    features: ['Owner party, criticality and dependencies', 'Patch status, and links to tickets and changes'],
  },
  reviews: {
    label: 'Reviews',
    icon: IconPresentationAnalytics,
    summary:
      'Reviews arrive in a later release: the monthly joint operational review, with the period’s figures, the decisions taken and their action items.',
    features: [
      'Ticket, incident and SLA metrics for the period, per party',
      'Decisions and action items as tickets',
    ],
  },
  compliance: {
    label: 'Compliance',
    icon: IconShieldCheck,
    summary:
      'Compliance arrives in a later release: the controls of the frameworks you answer to, with the evidence Tandem already records for each.',
    features: [
      'NIST CSF 2.0, SOC 2, HIPAA and CMMC controls',
      'Evidence drawn from the audit log, matrix, SLAs and reviews',
    ],
  },
} as const satisfies Record<string, UpcomingSectionInfo>;

export type UpcomingSectionKey = keyof typeof UPCOMING_SECTIONS;
