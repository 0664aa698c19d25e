import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_tickets.ts';
import * as m0003 from './0003_ticket_search.ts';
import * as m0004 from './0004_attachments_and_views.ts';
import * as m0005 from './0005_sla.ts';
import * as m0006 from './0006_changes.ts';
import * as m0007 from './0007_matrix_and_schedules.ts';
import * as m0008 from './0008_alerts.ts';
import * as m0009 from './0009_incidents.ts';
import * as m0010 from './0010_notifications.ts';

/** Every migration, in order. Forward-only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_tickets': m0002,
  '0003_ticket_search': m0003,
  '0004_attachments_and_views': m0004,
  '0005_sla': m0005,
  '0006_changes': m0006,
  '0007_matrix_and_schedules': m0007,
  '0008_alerts': m0008,
  '0009_incidents': m0009,
  '0010_notifications': m0010,
};
