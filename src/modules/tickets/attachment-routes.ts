import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../../domain/tickets/attachment-type.ts';
import { actorOf } from '../../platform/http/access-hook.ts';
import { errorHandler, problem, sendProblem } from '../../platform/http/problem.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import {
  Attachment,
  AttachmentContent,
  AttachmentList,
  AttachmentParams,
  UploadForm,
} from './attachment-schema.ts';
import { type AttachmentService, AttachmentTooLarge, AttachmentTypeRefused } from './attachments.ts';
import { TicketParams } from './schema.ts';

/** Raised before the service runs when the upload is not a multipart form. */
class NotMultipart extends Error {}

/**
 * Upload, list and download a ticket's files. Multipart parsing is registered inside this
 * plugin only: every other route still accepts JSON alone and answers a form with 415.
 */
export function attachmentRoutes(attachments: AttachmentService) {
  return async (root: FastifyInstance) => {
    await root.register(fastifyMultipart, {
      // One byte over the limit is enough for the service to tell "too large" from "exactly 10 MiB".
      limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
    root.setErrorHandler(attachmentErrors);
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Tickets'];
    const base = '/api/v1/engagements/:engagementId/tickets/:ticketId/attachments';

    app.post(
      base,
      {
        config: { access: { engagement: 'ticket.comment' } },
        // The form is documented by the schema but streamed and checked by the service, after
        // the access check; Fastify never holds it as a body, so there is nothing to validate.
        validatorCompiler: (input) => (input.httpPart === 'body' ? () => true : validatorCompiler(input)),
        schema: {
          tags,
          summary: `Attach a file (multipart/form-data, field "file", at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB; 413 if larger, 415 for a type not accepted or content that does not match it)`,
          params: TicketParams,
          consumes: ['multipart/form-data'],
          body: UploadForm,
          response: { 201: Attachment, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, ticketId } = request.params;
        const created = await attachments.upload(actorOf(request), engagementId, ticketId, async () => {
          if (!request.isMultipart()) throw new NotMultipart();
          const part = await request.file();
          return part && { fileName: part.filename, contentType: part.mimetype, stream: part.file };
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      base,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'Files attached to the ticket, oldest first',
          params: TicketParams,
          response: { 200: AttachmentList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await attachments.listAttachments(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
        ),
      }),
    );

    app.get(
      `${base}/:attachmentId`,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'Download a file (always as an attachment, with its checked content type)',
          params: AttachmentParams,
          response: { 200: AttachmentContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, ticketId, attachmentId } = request.params;
        const { attachment, content } = await attachments.openAttachment(
          actorOf(request),
          engagementId,
          ticketId,
          attachmentId,
        );
        // A stream is sent as it is, never serialised; the schema above only documents it.
        return (reply as FastifyReply)
          .header('content-type', attachment.contentType)
          .header('content-length', attachment.size)
          .header('content-disposition', contentDisposition(attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(content);
      },
    );
  };
}

function attachmentErrors(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AttachmentTooLarge) {
    return sendProblem(reply, problem(413, 'too-large', 'Payload Too Large', error.message));
  }
  if (error instanceof AttachmentTypeRefused) {
    return sendProblem(
      reply,
      problem(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        `${error.message} Accepted: ${ACCEPTED_TYPES.join(', ')}.`,
      ),
    );
  }
  if (error instanceof NotMultipart) {
    return sendProblem(
      reply,
      problem(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Send the file as multipart/form-data, in the field "file".',
      ),
    );
  }
  return errorHandler(error, request, reply);
}

/**
 * `attachment`, so a browser saves rather than renders the file, with the name twice: an ASCII
 * fallback for old clients and the exact name as RFC 5987 UTF-8.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
