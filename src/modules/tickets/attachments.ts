import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uuidv7 } from 'uuidv7';
import {
  checkAttachmentType,
  MAX_ATTACHMENT_BYTES,
  SNIFF_BYTES,
  sanitiseFileName,
} from '../../domain/tickets/attachment-type.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { readerIn } from './access.ts';
import type { Attachment } from './attachment-schema.ts';
import type { AttachmentWithUploader } from './attachment-store.ts';
import * as attachmentStore from './attachment-store.ts';
import type { TicketService } from './service.ts';
import * as store from './store.ts';
import { addToTimeline } from './timeline.ts';

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/** A file as it arrives: the client's claims and the bytes, not yet read. */
export interface IncomingFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly stream: Readable;
}

/** The upload is over the size limit (the routes answer 413). */
export class AttachmentTooLarge extends Error {
  override readonly name = 'AttachmentTooLarge';
  constructor() {
    super(`An attachment may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB.`);
  }
}

/** The file's type is not accepted, or its bytes are not what it claims (the routes answer 415). */
export class AttachmentTypeRefused extends Error {
  override readonly name = 'AttachmentTypeRefused';
}

/**
 * Files on tickets. The bytes live outside the web root, under
 * `<dataDir>/attachments/<engagementId>/<id>`: a generated name, never the uploader's.
 * Whoever can read the ticket can list and download them; whoever can comment can add one.
 */
export function createAttachmentService(
  { db, now, bus, log }: Pick<PlatformDeps, 'db' | 'now' | 'bus' | 'log'>,
  tickets: Pick<TicketService, 'readable'>,
  dataDir: string,
) {
  const root = path.resolve(dataDir, 'attachments');
  const fileOf = (engagementId: string, attachmentId: string) => {
    const file = path.resolve(root, engagementId, attachmentId);
    // Both ids come from the database or uuidv7, but a path must never leave the folder.
    if (!file.startsWith(root + path.sep)) throw new NotFound();
    return file;
  };

  /**
   * Checks the caller and the ticket before `receive` reads a byte of the upload, streams the
   * file to disk while hashing and measuring it, then records it with its activity and audit.
   */
  async function upload(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    receive: () => Promise<IncomingFile | undefined>,
  ): Promise<Attachment> {
    authorize(actor, 'ticket.comment', engagementId);
    const ticket = await tickets.readable(actor, engagementId, ticketId);
    const incoming = await receive();
    if (!incoming) {
      throw new Invalid('Attach one file, in the form field "file".', [
        { path: '/file', message: 'is required' },
      ]);
    }
    const id = uuidv7();
    const file = fileOf(engagementId, id);
    const partial = `${file}.part`;
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const meter = new Meter();
    try {
      await pipeline(incoming.stream, meter, fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      if (meter.size > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLarge();
      if (meter.size === 0) {
        throw new Invalid('The file is empty.', [{ path: '/file', message: 'is empty' }]);
      }
      const checked = checkAttachmentType(incoming.contentType, incoming.fileName, meter.head());
      if (!checked.ok) throw new AttachmentTypeRefused(checked.reason);
      await fs.promises.rename(partial, file);
      const reader = readerIn(actor, engagementId);
      const row = {
        engagement_id: engagementId,
        id,
        ticket_id: ticketId,
        file_name: sanitiseFileName(incoming.fileName),
        content_type: checked.contentType,
        size: meter.size,
        sha256: meter.sha256(),
        uploaded_by: reader.userId ?? ticket.created_by,
        created_at: now().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await attachmentStore.insertAttachment(trx, row);
        await store.updateTicket(trx, engagementId, ticketId, { updated_at: row.created_at });
        await addToTimeline(trx, actor, {
          engagementId,
          ticketId,
          kind: 'attached',
          data: { attachmentId: id, fileName: row.file_name, size: row.size },
          at: new Date(row.created_at),
        });
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: 'ticket.attached',
            targetType: 'ticket',
            targetId: ticketId,
            after: {
              attachmentId: id,
              fileName: row.file_name,
              contentType: row.content_type,
              size: row.size,
              sha256: row.sha256,
            },
          },
          now(),
        );
      });
      await bus.publish({
        engagementId,
        type: 'ticket.attached',
        id: ticketId,
        data: { attachmentId: id, requesterId: ticket.requester_id },
      });
      const stored = await attachmentStore.findAttachment(db, engagementId, ticketId, id);
      return toAttachment(stored!);
    } catch (error) {
      // Nothing recorded means nothing kept: the partial upload and an unrecorded file go.
      await Promise.all([fs.promises.rm(partial, { force: true }), fs.promises.rm(file, { force: true })]);
      throw error;
    }
  }

  async function listAttachments(actor: Principal, engagementId: string, ticketId: string) {
    await tickets.readable(actor, engagementId, ticketId);
    const rows = await attachmentStore.listAttachments(db, engagementId, ticketId);
    return rows.map(toAttachment);
  }

  /** The attachment and an open stream of its bytes; the ticket must be readable by the caller. */
  async function openAttachment(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    await tickets.readable(actor, engagementId, ticketId);
    const row = await attachmentStore.findAttachment(db, engagementId, ticketId, attachmentId);
    if (!row) throw new NotFound();
    // Opened before answering, so a file missing from the data folder is a logged 500,
    // not a response that breaks off after its headers.
    const handle = await fs.promises.open(fileOf(engagementId, row.id), 'r').catch((error: unknown) => {
      log.error(
        { err: error, engagementId, attachmentId },
        'attachment file is missing from the data folder',
      );
      throw error;
    });
    return { attachment: toAttachment(row), content: handle.createReadStream() };
  }

  return { upload, listAttachments, openAttachment };
}

function toAttachment(row: AttachmentWithUploader): Attachment {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploader_name,
    createdAt: row.created_at,
  };
}

/** Passes bytes through while counting, hashing and keeping the first few for the type check. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly first: Buffer[] = [];
  private kept = 0;

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.kept < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.kept);
      this.first.push(part);
      this.kept += part.length;
    }
    done(null, chunk);
  }

  head(): Uint8Array {
    return Buffer.concat(this.first);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
