/** The IR checklist a security incident carries; each step and its evidence is audited. */
export const IR_STEPS = ['contain', 'eradicate', 'recover', 'lessons_learned'] as const;
export type IrStep = (typeof IR_STEPS)[number];
export interface ChecklistStep {
  readonly step: IrStep;
  readonly done: boolean;
  readonly doneAt: string | null;
  readonly doneBy: { userId: string; name: string; party: string | null } | null;
  readonly evidence: string;
}

export function emptyChecklist(): ChecklistStep[] {
  return IR_STEPS.map((step) => ({ step, done: false, doneAt: null, doneBy: null, evidence: '' }));
}
