import type { Db } from '../../platform/db/database.ts';
import type { TicketAttachmentsTable } from './attachment-tables.ts';

export async function insertAttachment(db: Db, row: TicketAttachmentsTable): Promise<void> {
  await db.insertInto('ticket_attachments').values(row).execute();
}

function withUploader(db: Db, engagementId: string, ticketId: string) {
  return db
    .selectFrom('ticket_attachments')
    .innerJoin('users', 'users.id', 'ticket_attachments.uploaded_by')
    .selectAll('ticket_attachments')
    .select('users.name as uploader_name')
    .where('ticket_attachments.engagement_id', '=', engagementId)
    .where('ticket_attachments.ticket_id', '=', ticketId);
}

export function listAttachments(db: Db, engagementId: string, ticketId: string) {
  return withUploader(db, engagementId, ticketId)
    .orderBy('ticket_attachments.created_at')
    .orderBy('ticket_attachments.id')
    .execute();
}

export function findAttachment(db: Db, engagementId: string, ticketId: string, attachmentId: string) {
  return withUploader(db, engagementId, ticketId)
    .where('ticket_attachments.id', '=', attachmentId)
    .executeTakeFirst();
}

export type AttachmentWithUploader = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;
