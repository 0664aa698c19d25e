import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { checkMatrix } from '../../domain/matrix/check.ts';
import { diffMatrix } from '../../domain/matrix/diff.ts';
import type { Matrix } from '../../domain/matrix/matrix.ts';
import { emptyMatrix } from '../../domain/matrix/starting.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { canonicalJson } from '../../platform/audit/canonical-json.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { referenceProblems } from './references.ts';
import type { MatrixBody, MatrixDraft } from './schema.ts';
import * as store from './store.ts';
import type { MatrixVersionRow } from './tables.ts';

export type MatrixService = ReturnType<typeof createMatrixService>;

/** The draft row, the version in effect, and the matrix a reader sees now (draft, else in effect, else the catalogue). */
async function current(reader: Db, engagementId: string) {
  const [draft, effective] = await Promise.all([
    store.draftOf(reader, engagementId),
    store.effectiveOf(reader, engagementId),
  ]);
  return { draft, effective, matrix: draft ? bodyOf(draft) : effective ? bodyOf(effective) : emptyMatrix() };
}

const hashOf = (matrix: Matrix) => createHash('sha256').update(canonicalJson(matrix)).digest('hex');
const bodyOf = (row: MatrixVersionRow) => JSON.parse(row.body) as Matrix;

/**
 * The responsibility matrix: one draft that managers edit, and the versions that took effect.
 * A draft takes effect when a manager of each party has signed exactly its content; any edit
 * after a signature clears it, so nobody's signature ever covers words they did not see.
 */
export function createMatrixService({ db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>) {
  async function getDraft(actor: Principal, engagementId: string): Promise<MatrixDraft> {
    authorize(actor, 'matrix.read', engagementId);
    return present(db, engagementId);
  }

  async function present(reader: Db, engagementId: string): Promise<MatrixDraft> {
    const { draft, effective, matrix } = await current(reader, engagementId);
    const signatures = draft ? await store.signaturesOf(reader, engagementId, [draft.id]) : [];
    return {
      matrix: matrix as MatrixBody,
      contentHash: hashOf(matrix),
      basedOn: effective?.number ?? null,
      updatedAt: draft?.updated_at ?? null,
      signatures: signatures.map(presentSignature),
      problems: await problemsOf(reader, engagementId, matrix),
      inEffect: effective?.number ?? null,
    };
  }

  async function problemsOf(reader: Db, engagementId: string, matrix: Matrix) {
    return [
      ...checkMatrix(matrix),
      ...referenceProblems(matrix, await store.referenceIds(reader, engagementId)),
    ];
  }

  async function saveDraft(actor: Principal, engagementId: string, body: MatrixBody): Promise<MatrixDraft> {
    authorize(actor, 'matrix.edit', engagementId);
    const matrix = body as Matrix;
    const hash = hashOf(matrix);
    const result = await db.transaction().execute(async (trx) => {
      const { draft, effective, matrix: before } = await current(trx, engagementId);
      if (hashOf(before) === hash) return present(trx, engagementId);
      // Edited back to the version in effect: there is nothing left to sign.
      if (draft && effective && effective.content_hash === hash) {
        await store.deleteVersion(trx, engagementId, draft.id);
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: 'matrix.draft_discarded',
            targetType: 'matrix',
            targetId: engagementId,
            before: { contentHash: draft.content_hash },
          },
          now(),
        );
        return present(trx, engagementId);
      }
      const stamp = now().toISOString();
      const updatedBy = actor.kind === 'user' ? actor.userId : null;
      if (draft) {
        await store.updateVersion(trx, engagementId, draft.id, {
          body: JSON.stringify(matrix),
          content_hash: hash,
          updated_by: updatedBy,
          updated_at: stamp,
        });
        await store.clearSignatures(trx, engagementId, draft.id);
      } else {
        await store.insertVersion(trx, {
          engagement_id: engagementId,
          id: uuidv7(),
          number: null,
          body: JSON.stringify(matrix),
          content_hash: hash,
          updated_by: updatedBy,
          created_at: stamp,
          updated_at: stamp,
          effective_at: null,
        });
      }
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'matrix.draft_saved',
          targetType: 'matrix',
          targetId: engagementId,
          before: { contentHash: hashOf(before) },
          after: { contentHash: hash, changes: diffMatrix(before, matrix) },
        },
        now(),
      );
      return present(trx, engagementId);
    });
    await bus.publish({ engagementId, type: 'matrix.updated', id: engagementId });
    return result;
  }

  async function sign(actor: Principal, engagementId: string, contentHash: string): Promise<MatrixDraft> {
    authorize(actor, 'matrix.sign', engagementId);
    if (actor.kind !== 'user') throw new Forbidden('A person signs the matrix.');
    const party = actor.engagements.get(engagementId)!.party;
    const result = await db.transaction().execute(async (trx) => {
      const draft = await store.draftOf(trx, engagementId);
      if (!draft) throw new Conflict('There is no draft to sign: the matrix in effect has not been changed.');
      if (draft.content_hash !== contentHash) {
        throw new Conflict('The draft changed since you read it; review the new draft before signing.');
      }
      const problems = await problemsOf(trx, engagementId, bodyOf(draft));
      if (problems.length > 0) {
        throw new Invalid(`Fix the draft before signing: ${problems[0]!.message}.`, problems);
      }
      const stamp = now().toISOString();
      await store.replaceSignature(trx, {
        engagement_id: engagementId,
        version_id: draft.id,
        party,
        user_id: actor.userId,
        content_hash: draft.content_hash,
        signed_at: stamp,
      });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'matrix.signed',
          targetType: 'matrix',
          targetId: engagementId,
          after: { party, contentHash },
        },
        now(),
      );
      const signatures = await store.signaturesOf(trx, engagementId, [draft.id]);
      const parties = new Set(
        signatures.filter((s) => s.content_hash === draft.content_hash).map((s) => s.party),
      );
      if (parties.has('internal') && parties.has('provider')) {
        const number = await store.nextNumber(trx, engagementId);
        await store.updateVersion(trx, engagementId, draft.id, { number, effective_at: stamp });
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: 'matrix.took_effect',
            targetType: 'matrix',
            targetId: engagementId,
            after: { number },
          },
          now(),
        );
      }
      return present(trx, engagementId);
    });
    await bus.publish({ engagementId, type: 'matrix.updated', id: engagementId });
    return result;
  }

  async function listVersions(actor: Principal, engagementId: string) {
    authorize(actor, 'matrix.read', engagementId);
    const rows = await store.versionsOf(db, engagementId);
    const signatures = await store.signaturesOf(
      db,
      engagementId,
      rows.map((r) => r.id),
    );
    return {
      items: rows
        .map((row, i) => ({
          id: row.id,
          number: row.number!,
          effectiveAt: row.effective_at!,
          signatures: signatures.filter((s) => s.version_id === row.id).map(presentSignature),
          changes: diffMatrix(i > 0 ? bodyOf(rows[i - 1]!) : emptyMatrix(), bodyOf(row)) as unknown as Record<
            string,
            unknown
          >[],
        }))
        .reverse(),
    };
  }

  async function getVersion(actor: Principal, engagementId: string, versionId: string) {
    authorize(actor, 'matrix.read', engagementId);
    const row = (await store.versionsOf(db, engagementId)).find((r) => r.id === versionId);
    if (!row) throw new NotFound();
    return {
      id: row.id,
      number: row.number!,
      effectiveAt: row.effective_at!,
      matrix: bodyOf(row) as MatrixBody,
    };
  }

  /** The matrix routing uses: the latest signed version, or none before the first signing. */
  async function inEffect(reader: Db, engagementId: string): Promise<Matrix | null> {
    const row = await store.effectiveOf(reader, engagementId);
    return row ? bodyOf(row) : null;
  }

  /** The same, with its version number, for answers that say which version decided them. */
  async function inEffectVersion(reader: Db, engagementId: string) {
    const row = await store.effectiveOf(reader, engagementId);
    return row ? { number: row.number!, matrix: bodyOf(row) } : null;
  }

  /** The draft as it stands (the version in effect, or the starting catalogue, until edited). */
  async function draftMatrix(reader: Db, engagementId: string): Promise<Matrix> {
    return (await current(reader, engagementId)).matrix;
  }

  /** Team names for reasons and maps; the matrix reads teams by id, so it lends the lookup. */
  const teamDirectory = {
    listTeams: async (_actor: Principal, engagementId: string) =>
      [...(await store.referenceIds(db, engagementId)).teamNames].map(([id, name]) => ({ id, name })),
  };

  return {
    getDraft,
    saveDraft,
    sign,
    listVersions,
    getVersion,
    inEffect,
    inEffectVersion,
    draftMatrix,
    teamDirectory,
  };
}

function presentSignature(row: {
  party: 'internal' | 'provider';
  user_id: string;
  user_name: string;
  signed_at: string;
}) {
  return { party: row.party, userId: row.user_id, userName: row.user_name, signedAt: row.signed_at };
}
