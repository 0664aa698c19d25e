import { type Static, Type } from 'typebox';
import { MAX_ATTACHMENT_BYTES } from '../../domain/tickets/attachment-type.ts';
import { TicketParams } from './schema.ts';

export const Attachment = Type.Object(
  {
    id: Type.String(),
    ticketId: Type.String(),
    fileName: Type.String({ description: 'The uploader’s file name, sanitised; for display only.' }),
    contentType: Type.String({ description: 'The media type the content was checked against.' }),
    size: Type.Integer({ description: 'Bytes.' }),
    sha256: Type.String({ description: 'Hex SHA-256 of the content.' }),
    uploadedBy: Type.String({ description: 'User id of the uploader.' }),
    uploadedByName: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Attachment = Static<typeof Attachment>;

export const AttachmentList = Type.Object({ items: Type.Array(Attachment) }, { additionalProperties: false });

export const AttachmentParams = Type.Object(
  { ...TicketParams.properties, attachmentId: Type.String({ maxLength: 64, description: 'Attachment id.' }) },
  { additionalProperties: false },
);

/** Documents the multipart form; the service reads and checks the file itself, as it streams. */
export const UploadForm = Type.Object(
  {
    file: Type.String({
      format: 'binary',
      description: `One file, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB: an image, PDF, text, CSV, log, office document or zip.`,
    }),
  },
  { required: ['file'] },
);

/** The download: the stored bytes with their checked content type. */
export const AttachmentContent = {
  description: 'The file as uploaded, served as an attachment (never rendered inline).',
  content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
} as const;
