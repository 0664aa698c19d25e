import type { TicketPriority } from '../../../lib/api-types.ts';
import type {
  Change,
  ChangeEdit,
  ChangeLevel,
  ChangeTemplate,
  ChangeType,
  NewChange,
} from '../api/change-types.ts';
import { fromLocalInput, toLocalInput } from './local-time.ts';

/** The change form's values as typed: the window as `datetime-local` values in the viewer's zone. */
export interface ChangeDraft {
  type: ChangeType;
  templateId: string | null;
  title: string;
  description: string;
  risk: ChangeLevel;
  impact: ChangeLevel;
  priority: TicketPriority;
  windowStart: string;
  windowEnd: string;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  affectedAssets: string;
  /** Empty: the server's default. */
  quorum: number | '';
}

export const EMPTY_DRAFT: ChangeDraft = {
  type: 'normal',
  templateId: null,
  title: '',
  description: '',
  risk: 'medium',
  impact: 'medium',
  priority: 'P3',
  windowStart: '',
  windowEnd: '',
  implementationPlan: '',
  backoutPlan: '',
  testPlan: '',
  affectedAssets: '',
  quorum: '',
};

export function draftOf(change: Change): ChangeDraft {
  return {
    type: change.type,
    templateId: change.templateId,
    title: change.title,
    description: change.description,
    risk: change.risk,
    impact: change.impact,
    priority: change.priority,
    windowStart: toLocalInput(change.windowStart),
    windowEnd: toLocalInput(change.windowEnd),
    implementationPlan: change.implementationPlan,
    backoutPlan: change.backoutPlan,
    testPlan: change.testPlan,
    affectedAssets: change.affectedAssets,
    quorum: change.quorum,
  };
}

/** A standard change takes its risk, impact and plans from the template picked. */
export function applyTemplate(draft: ChangeDraft, template: ChangeTemplate): ChangeDraft {
  return {
    ...draft,
    templateId: template.id,
    title: draft.title.trim() ? draft.title : template.name,
    description: draft.description.trim() ? draft.description : template.description,
    risk: template.risk,
    impact: template.impact,
    implementationPlan: template.implementationPlan,
    backoutPlan: template.backoutPlan,
    testPlan: template.testPlan,
  };
}

/** Mistakes the form can name before asking the server: a half window, or one that ends first. */
export function draftErrors(draft: ChangeDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const start = fromLocalInput(draft.windowStart);
  const end = fromLocalInput(draft.windowEnd);
  if (draft.windowStart && !start) errors.windowStart = 'Enter a date and time.';
  if (draft.windowEnd && !end) errors.windowEnd = 'Enter a date and time.';
  if (start && !draft.windowEnd) errors.windowEnd = 'A window needs an end too.';
  if (end && !draft.windowStart) errors.windowStart = 'A window needs a start too.';
  if (start && end && end <= start) errors.windowEnd = 'The window must end after it starts.';
  return errors;
}

/** The body of a create or an edit: the window as ISO UTC, left out when not set. */
export function toChangeBody(draft: ChangeDraft): NewChange {
  const body: NewChange = {
    title: draft.title.trim(),
    type: draft.type,
    risk: draft.risk,
    impact: draft.impact,
    priority: draft.priority,
    description: draft.description,
    implementationPlan: draft.implementationPlan,
    backoutPlan: draft.backoutPlan,
    testPlan: draft.testPlan,
    affectedAssets: draft.affectedAssets.trim(),
  };
  const windowStart = fromLocalInput(draft.windowStart);
  const windowEnd = fromLocalInput(draft.windowEnd);
  if (windowStart) body.windowStart = windowStart;
  if (windowEnd) body.windowEnd = windowEnd;
  if (draft.type === 'standard' && draft.templateId) body.templateId = draft.templateId;
  // A standard change is approved by its template; no one votes on it.
  if (draft.quorum !== '' && draft.type !== 'standard') body.quorum = draft.quorum;
  return body;
}

/**
 * Only what the form changed, so an edit asks for no more than the change's state allows (once
 * submitted, just the window may move). A window cleared in the form is sent as null.
 */
export function editOf(before: ChangeDraft, after: ChangeDraft): ChangeEdit {
  const { templateId: _old, ...was } = toChangeBody(before);
  const { templateId: _new, ...now } = toChangeBody(after);
  const edit: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (now[key] !== was[key]) edit[key] = now[key];
  }
  if (was.windowStart && !now.windowStart) edit.windowStart = null;
  if (was.windowEnd && !now.windowEnd) edit.windowEnd = null;
  return edit as ChangeEdit;
}
