import type { Selectable } from 'kysely';

/** A file attached to a ticket. The bytes are on disk, named by `id`, never by `file_name`. */
export interface TicketAttachmentsTable {
  engagement_id: string;
  id: string;
  ticket_id: string;
  /** The uploader's file name, sanitised; for display and the download's Content-Disposition only. */
  file_name: string;
  /** The allowlisted media type the upload was checked against, served back as Content-Type. */
  content_type: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the bytes, so a copy can be checked against what was uploaded. */
  sha256: string;
  uploaded_by: string;
  created_at: string;
}

export type AttachmentRow = Selectable<TicketAttachmentsTable>;
