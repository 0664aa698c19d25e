export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  kind: string;
  engagement_id: string | null;
  /** JSON text. */
  payload: string;
  state: JobState;
  run_at: string;
  /** Incremented at each claim; a worker settles a job only while its attempt still matches. */
  attempt: number;
  max_attempts: number;
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  /** At most one job per key, e.g. one timer per SLA clock. */
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}
