import type { TicketKind } from '../modules/tickets/tables.ts';

/**
 * What the demo's tickets are about: per client, the kinds of work that really cross the seam
 * between an internal IT team and its MSP. `{…}` placeholders are filled from `places`.
 */
export interface TicketTemplate {
  readonly title: string;
  readonly description: string;
  readonly kind: TicketKind;
  readonly functionKey: FunctionKey;
  /** Which party usually owns it; `either` goes to whoever opens it. */
  readonly owner: 'internal' | 'provider' | 'either';
  readonly tags: readonly string[];
  /** Usually opened by an end user through the portal. */
  readonly fromRequester?: boolean;
  /** P1 … P4 weights. */
  readonly urgency?: 'high' | 'normal' | 'low';
}

export type FunctionKey =
  | 'service-desk'
  | 'endpoint-patching'
  | 'security-monitoring'
  | 'network'
  | 'servers'
  | 'backup-recovery'
  | 'identity-access'
  | 'line-of-business-apps';

export interface ClientCatalogue {
  readonly places: Readonly<Record<string, readonly string[]>>;
  readonly templates: readonly TicketTemplate[];
}

/** A template, written compactly: the catalogues list dozens. */
export const T = (
  title: string,
  kind: TicketKind,
  functionKey: FunctionKey,
  owner: TicketTemplate['owner'],
  tags: string[],
  description: string,
  extra: Partial<Pick<TicketTemplate, 'fromRequester' | 'urgency'>> = {},
): TicketTemplate => ({ title, kind, functionKey, owner, tags, description, ...extra });

/** Shared updates, by the party writing them. */
export const SHARED = {
  provider: [
    'Picked this up. Looking at the logs now.',
    'Reproduced the problem remotely; working on a fix.',
    'Applied the fix. Can you confirm from your side?',
    'This needs a reboot. Is after 19:00 today acceptable?',
    'We have opened a case with the vendor and will update here.',
    'Root cause found; details in the write-up attached to the change.',
    'Monitoring looks clean for the last 24 hours.',
    'Escalated to our second line; next update within the hour.',
  ],
  internal: [
    'Thanks. The site manager confirms it is working again.',
    'Approved. Please go ahead in tonight’s window.',
    'Not yet: users still see the error this morning.',
    'Here is the information you asked for; see the list below.',
    'We checked on site: the cable was fine, the port light is off.',
    'This affects more people than we thought; raising priority.',
    'We can take this one ourselves, we are on site anyway.',
    'Please hold until after month-end closing.',
  ],
  requester: [
    'It happened again just now.',
    'Thank you, that fixed it!',
    'Is there any update? My team is blocked.',
    'I will be out tomorrow; my colleague can test it.',
  ],
} as const;

/** Private notes, which the other party never sees. */
export const PRIVATE = {
  provider_only: [
    'Same pattern as on another client last month; reuse that runbook.',
    'Billable as project work, not covered by the contract. Check with the account manager.',
    'Their admin made the change that broke this; keep the update factual.',
    'Handing over to the night shift: waiting for the vendor’s callback.',
    'SOC: IOC matched a known commodity loader; no lateral movement seen.',
  ],
  internal_only: [
    'The MSP is slow on this one; bring it up at the monthly review.',
    'Budget for the replacement is not approved yet, do not promise a date.',
    'Check the contract: is this in scope for them or for us?',
    'Manager asked to be kept in the loop on this one.',
    'We did this ourselves last year; the notes are in the old wiki.',
  ],
} as const;
