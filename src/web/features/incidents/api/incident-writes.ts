import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { incidentBoardAllKey, incidentKey, incidentListKey } from './incident-keys.ts';
import type { AlertSeverity, ChecklistStep, IncidentRole } from './incident-types.ts';

export type IncidentWrite =
  | { kind: 'roles'; roles: Partial<Record<IncidentRole, string | null>> }
  | { kind: 'decision'; decision: string; rationale?: string }
  | { kind: 'checklist'; step: ChecklistStep; done: boolean; evidence?: string }
  | { kind: 'severity'; severity: AlertSeverity };

function send(engagementId: string, ticketId: string, write: IncidentWrite): Promise<unknown> {
  const ticket = `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`;
  switch (write.kind) {
    case 'roles':
      return apiRequest(`${ticket}/incident/roles`, { method: 'PUT', body: write.roles });
    case 'decision':
      return apiRequest(`${ticket}/decisions`, {
        method: 'POST',
        body: write.rationale
          ? { decision: write.decision, rationale: write.rationale }
          : { decision: write.decision },
      });
    case 'checklist':
      return apiRequest(`${ticket}/incident/checklist/${segment(write.step)}`, {
        method: 'PUT',
        body: write.evidence ? { done: write.done, evidence: write.evidence } : { done: write.done },
      });
    case 'severity':
      return apiRequest(`${ticket}/incident`, { method: 'PATCH', body: { severity: write.severity } });
  }
}

/** Roles, decisions, the IR checklist and severity: each refreshes the incident once stored. */
export function useIncidentWrite(engagementId: string, ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: IncidentWrite) => send(engagementId, ticketId, write),
    meta: { errorsShownInForm: true },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: incidentListKey(engagementId) }),
        queryClient.invalidateQueries({ queryKey: incidentKey(engagementId, ticketId) }),
        queryClient.invalidateQueries({ queryKey: incidentBoardAllKey }),
      ]);
    },
  });
}
