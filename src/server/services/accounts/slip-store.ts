import { randomUUID } from 'node:crypto';

/**
 * Slips files waiting to be fetched (docs/decisions/019): held in the server's memory only, for a
 * few minutes, handed once to the user who produced them, then forgotten. A restart loses them:
 * the passwords are then given again by a reset.
 */
export interface HeldFile {
  userId: string;
  filename: string;
  contentType: string;
  data: Buffer;
  expiresAt: number;
}

export const SLIPS_KEPT_MS = 10 * 60_000;

export class SlipStore {
  private readonly files = new Map<string, HeldFile>();

  put(file: Omit<HeldFile, 'expiresAt'>, now: Date): { id: string; expiresAt: Date } {
    this.sweep(now);
    const id = randomUUID();
    const expiresAt = now.getTime() + SLIPS_KEPT_MS;
    this.files.set(id, { ...file, expiresAt });
    return { id, expiresAt: new Date(expiresAt) };
  }

  /** The file, once, to the user who produced it; null when unknown, expired, already taken or someone else's. */
  take(id: string, userId: string, now: Date): HeldFile | null {
    this.sweep(now);
    const file = this.files.get(id);
    if (!file || file.userId !== userId) return null;
    this.files.delete(id);
    return file;
  }

  private sweep(now: Date): void {
    for (const [id, f] of this.files) if (f.expiresAt <= now.getTime()) this.files.delete(id);
  }
}
