import { ApiError, type Problem } from './problem.ts';

const API_PREFIX = '/api/v1';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. Requests without a body send no Content-Type. */
  body?: unknown;
  /** Query parameters; empty, null and undefined values are left out; an array repeats the key. */
  query?: Record<string, string | number | readonly string[] | null | undefined>;
  signal?: AbortSignal;
}

/**
 * Calls the Tandem API with the session cookie and returns the parsed JSON (undefined for 204).
 * Any non-2xx answer becomes an {@link ApiError} carrying the problem document.
 */
export async function apiRequest<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = request;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(API_PREFIX + path + queryString(query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends a file as `multipart/form-data` (field `file`) and returns the parsed JSON answer. */
export async function apiUpload<T>(path: string, file: File, signal?: AbortSignal): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(API_PREFIX + path, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    body: form,
    signal: signal ?? null,
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/** The address of an API resource, for links and downloads the browser fetches itself. */
export function apiUrl(path: string): string {
  return API_PREFIX + path;
}

/** Encodes one path segment, e.g. an id taken from the URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

function queryString(query: ApiRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { title: response.statusText || 'Request failed', status: response.status };
  try {
    const body = (await response.json()) as Partial<Problem>;
    problem = { ...problem, ...body, status: response.status };
  } catch {
    // A proxy or a crash can answer with HTML or nothing; the status line is all there is.
  }
  return new ApiError(problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

/** Retry-After is either a number of seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
