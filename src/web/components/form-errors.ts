import type { z } from 'zod';

/** A failed parse's first message for each field, keyed by the field's path ("term.start"); "_" for the whole form. */
export function issueMessages(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
