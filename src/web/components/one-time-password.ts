/**
 * The one-time password the user just signed in with, held in memory only (never in the page's
 * history or storage), so that the first-sign-in page asks only for the new password. Taken once.
 */
let held: string | null = null;

export function holdOneTimePassword(password: string | null): void {
  held = password;
}

export function takeOneTimePassword(): string | null {
  const p = held;
  held = null;
  return p;
}
