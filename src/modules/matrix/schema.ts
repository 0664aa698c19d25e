import { type Static, Type } from 'typebox';
import { TRACKS } from '../../domain/oncall/schedule.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';

const Key = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const NullableId = Type.Union([Type.String({ maxLength: 64 }), Type.Null()]);
const Row = Type.Object(
  { key: Key, name: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);

const RaciEntry = Type.Object(
  { party: PartySchema, teamId: NullableId, role: Type.Enum(['R', 'A', 'C', 'I']) },
  { additionalProperties: false },
);

const CoverageRule = Type.Object(
  {
    when: Type.Enum(['always', 'business_hours', 'after_hours'], {
      description: 'business_hours / after_hours are read on calendarId.',
    }),
    calendarId: NullableId,
    party: PartySchema,
    teamId: NullableId,
    schedules: Type.Object(
      Object.fromEntries(TRACKS.map((track) => [track, Type.Optional(Type.String({ maxLength: 64 }))])),
      { additionalProperties: false, description: 'The schedule that pages, per track.' },
    ),
  },
  { additionalProperties: false },
);

const Cell = Type.Object(
  {
    functionKey: Key,
    scenarioKey: Key,
    active: Type.Boolean(),
    raci: Type.Array(RaciEntry, { maxItems: 40 }),
    coverage: Type.Array(CoverageRule, { maxItems: 10, description: 'Earlier rules win.' }),
    handoff: Type.String({ maxLength: 5000, description: 'The handoff protocol (Markdown).' }),
    escalationPolicy: Type.Union([Type.String({ maxLength: 120 }), Type.Null()]),
    runbookUrl: Type.Union([Type.String({ maxLength: 2000, format: 'uri' }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const MatrixBody = Type.Object(
  {
    functions: Type.Array(Row, { maxItems: 100 }),
    scenarios: Type.Array(Row, { maxItems: 30 }),
    cells: Type.Array(Cell, { maxItems: 3000 }),
  },
  { additionalProperties: false, description: 'Functions × scenarios; each cell RACI by party and team.' },
);
export type MatrixBody = Static<typeof MatrixBody>;

const Problem = Type.Object(
  {
    path: Type.String(),
    message: Type.String(),
    functionKey: Type.Optional(Type.String()),
    scenarioKey: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Signature = Type.Object(
  {
    party: PartySchema,
    userId: Type.String(),
    userName: Type.String(),
    signedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const MatrixDraft = Type.Object(
  {
    matrix: MatrixBody,
    contentHash: Type.String({ description: 'What a signature approves; an edit clears signatures.' }),
    basedOn: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The version the draft started from.',
    }),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    signatures: Type.Array(Signature),
    problems: Type.Array(Problem, { description: 'What must be fixed before the draft can be signed.' }),
    inEffect: Type.Union([Type.Integer(), Type.Null()], { description: 'The version routing uses now.' }),
  },
  { additionalProperties: false },
);
export type MatrixDraft = Static<typeof MatrixDraft>;

export const MatrixVersionSummary = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    effectiveAt: Type.String({ format: 'date-time' }),
    signatures: Type.Array(Signature),
    changes: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      description: 'What changed against the version before it.',
    }),
  },
  { additionalProperties: false },
);
export const MatrixVersionList = Type.Object(
  { items: Type.Array(MatrixVersionSummary) },
  { additionalProperties: false },
);
export const MatrixVersion = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    effectiveAt: Type.String({ format: 'date-time' }),
    matrix: MatrixBody,
  },
  { additionalProperties: false },
);
export const MatrixVersionParams = Type.Object(
  { ...EngagementParams.properties, versionId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export const MatrixGaps = Type.Object({ items: Type.Array(Problem) }, { additionalProperties: false });
export const GapsQuery = Type.Object(
  { version: Type.Optional(Type.Enum(['draft', 'effective'], { default: 'draft' })) },
  { additionalProperties: false },
);
