/**
 * Failed sign-ins per address and user name, in this process, over a window of a minute: guessing
 * one account from one address is slowed, while the same office behind one address still signs in
 * with every other name. Only failures count. The delay of a user name from any address is the
 * database's (services/auth/login.ts); this one needs no database to refuse.
 */
export class FailureWindow {
  private readonly entries = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Past this many keys, those whose window has ended are forgotten, then the oldest. */
    private readonly keep = 50_000,
  ) {}

  /** Seconds before `key` may try again; 0 when it may now. */
  waitFor(key: string, now: Date): number {
    const entry = this.entries.get(key);
    if (!entry || entry.endsAt <= now.getTime()) return 0;
    return entry.failures >= this.max ? Math.ceil((entry.endsAt - now.getTime()) / 1000) : 0;
  }

  add(key: string, now: Date): void {
    const entry = this.entries.get(key);
    if (entry && entry.endsAt > now.getTime()) {
      entry.failures += 1;
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { failures: 1, endsAt: now.getTime() + this.windowMs });
    if (this.entries.size > this.keep) this.forget(now);
  }

  private forget(now: Date): void {
    for (const [key, entry] of this.entries) if (entry.endsAt <= now.getTime()) this.entries.delete(key);
    // A Map iterates in insertion order: the first keys are the oldest windows.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.keep / 2) break;
      this.entries.delete(key);
    }
  }
}
