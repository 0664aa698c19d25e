/**
 * Login throttling, decided before any password hash is computed: one argon2id verify costs
 * ~11 ms of CPU, so unthrottled guessing is also a denial of service.
 *
 * Three fixed windows: attempts per address (stops a flood from one place), failures per
 * account and address (stops guessing one account from one place), and failures per account
 * from anywhere (slows distributed guessing; set high so one attacker cannot lock a real user
 * out, who logs in from their own address). Counts live in this process: with several
 * processes each enforces its own share.
 */
export interface ThrottleLimits {
  readonly perAddress: { readonly attempts: number; readonly windowSeconds: number };
  readonly perAccountAndAddress: { readonly failures: number; readonly windowSeconds: number };
  readonly perAccount: { readonly failures: number; readonly windowSeconds: number };
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  perAddress: { attempts: 20, windowSeconds: 60 },
  perAccountAndAddress: { failures: 5, windowSeconds: 900 },
  perAccount: { failures: 100, windowSeconds: 900 },
};

interface Window {
  count: number;
  resetAt: number;
}

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS) {}

  /** Counts this attempt; returns seconds to wait when it must be refused, else null. */
  admit(address: string, email: string, nowMs: number): number | null {
    this.prune(nowMs);
    const { perAddress, perAccountAndAddress, perAccount } = this.limits;
    const waits = [
      this.exceeded(`a:${address}`, perAddress.attempts, nowMs),
      this.exceeded(`aa:${email}:${address}`, perAccountAndAddress.failures, nowMs),
      this.exceeded(`acc:${email}`, perAccount.failures, nowMs),
    ].filter((w): w is number => w !== null);
    if (waits.length > 0) return Math.max(...waits);
    this.bump(`a:${address}`, perAddress.windowSeconds, nowMs);
    return null;
  }

  recordFailure(address: string, email: string, nowMs: number): void {
    this.bump(`aa:${email}:${address}`, this.limits.perAccountAndAddress.windowSeconds, nowMs);
    this.bump(`acc:${email}`, this.limits.perAccount.windowSeconds, nowMs);
  }

  recordSuccess(address: string, email: string): void {
    this.windows.delete(`aa:${email}:${address}`);
  }

  private exceeded(key: string, limit: number, nowMs: number): number | null {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= nowMs || window.count < limit) return null;
    return Math.ceil((window.resetAt - nowMs) / 1000);
  }

  private bump(key: string, windowSeconds: number, nowMs: number): void {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= nowMs)
      this.windows.set(key, { count: 1, resetAt: nowMs + windowSeconds * 1000 });
    else window.count += 1;
  }

  private lastPrune = 0;
  /** Drops expired windows once a minute so the map cannot grow without bound. */
  private prune(nowMs: number): void {
    if (nowMs - this.lastPrune < 60_000) return;
    this.lastPrune = nowMs;
    for (const [key, window] of this.windows) if (window.resetAt <= nowMs) this.windows.delete(key);
  }
}
