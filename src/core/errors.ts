/**
 * Domain errors: a stable machine code plus a Vietnamese message for the user.
 * The server maps each code to an HTTP status in one place (server/http-errors.ts).
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** True for a DomainError, also one that crossed a module-instance boundary (checked by shape). */
export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof DomainError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DomainError' && typeof (e as { code?: unknown }).code === 'string')
  );
}
