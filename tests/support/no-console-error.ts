import { afterEach, vi } from 'vitest';

// An unexpected console.error fails the test that caused it (STYLE.md §10).
const errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  if (errors.length > 0) {
    const first = errors.splice(0).map((a) => a.map(String).join(' ')).join('\n');
    throw new Error(`Unexpected console.error:\n${first}`);
  }
});
export { vi };
