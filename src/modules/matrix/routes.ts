import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { MatrixBody, MatrixDraft, MatrixVersion, MatrixVersionList, MatrixVersionParams } from './schema.ts';
import type { MatrixService } from './service.ts';

const SignBody = Type.Object(
  {
    contentHash: Type.String({
      minLength: 64,
      maxLength: 64,
      description: 'The draft you reviewed (its contentHash).',
    }),
  },
  { additionalProperties: false },
);

export function matrixRoutes(matrix: MatrixService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Responsibility matrix'];
    const base = '/api/v1/engagements/:engagementId/matrix';

    app.get(
      base,
      {
        config: { access: { engagement: 'matrix.read' } },
        schema: {
          tags,
          summary:
            'The draft matrix (the version in effect until someone edits it), its signatures and problems',
          params: EngagementParams,
          response: { 200: MatrixDraft, ...ProblemResponses },
        },
      },
      async (request) => matrix.getDraft(actorOf(request), request.params.engagementId),
    );

    app.put(
      base,
      {
        config: { access: { engagement: 'matrix.edit' } },
        schema: {
          tags,
          summary: 'Save the draft; an edit clears signatures already given',
          params: EngagementParams,
          body: MatrixBody,
          response: { 200: MatrixDraft, ...ProblemResponses },
        },
      },
      async (request) => matrix.saveDraft(actorOf(request), request.params.engagementId, request.body),
    );

    app.post(
      `${base}/sign`,
      {
        config: { access: { engagement: 'matrix.sign' } },
        schema: {
          tags,
          summary: "Sign the draft for your party; with both parties' signatures it takes effect",
          params: EngagementParams,
          body: SignBody,
          response: { 200: MatrixDraft, ...ProblemResponses },
        },
      },
      async (request) => matrix.sign(actorOf(request), request.params.engagementId, request.body.contentHash),
    );

    app.get(
      `${base}/versions`,
      {
        config: { access: { engagement: 'matrix.read' } },
        schema: {
          tags,
          summary: 'Every version that took effect, newest first, with signatures and what changed',
          params: EngagementParams,
          response: { 200: MatrixVersionList, ...ProblemResponses },
        },
      },
      async (request) => matrix.listVersions(actorOf(request), request.params.engagementId),
    );

    app.get(
      `${base}/versions/:versionId`,
      {
        config: { access: { engagement: 'matrix.read' } },
        schema: {
          tags,
          summary: 'One version as it was signed',
          params: MatrixVersionParams,
          response: { 200: MatrixVersion, ...ProblemResponses },
        },
      },
      async (request) =>
        matrix.getVersion(actorOf(request), request.params.engagementId, request.params.versionId),
    );
  };
}
