/**
 * A token bucket per integration, in this process: `perMinute` events a minute on average with
 * a minute's worth as burst, like PagerDuty's ~120 a minute per routing key over a sliding
 * minute. With several processes each keeps its own bucket, so the cluster allows N times the
 * rate; the limit protects each process, not a global quota.
 */
export class IntegrationRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one token; false (and the seconds until one is back) when the bucket is empty. */
  take(
    integrationId: string,
    perMinute: number,
    now: Date,
  ): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = now.getTime();
    const bucket = this.buckets.get(integrationId) ?? { tokens: perMinute, at: t };
    const refilled = Math.min(perMinute, bucket.tokens + ((t - bucket.at) / 60_000) * perMinute);
    if (refilled < 1) {
      this.buckets.set(integrationId, { tokens: refilled, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - refilled) * 60) / perMinute)) };
    }
    this.buckets.set(integrationId, { tokens: refilled - 1, at: t });
    return { ok: true };
  }

  /** A rotated or deleted key starts afresh. */
  forget(integrationId: string): void {
    this.buckets.delete(integrationId);
  }
}
