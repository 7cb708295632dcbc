import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { InputError } from '../http-errors.ts';

/**
 * Text no one types and the database cannot keep, refused once for every route before any schema
 * sees it: a NUL character (PostgreSQL text cannot hold one), half of a surrogate pair (not a
 * character, and refused by jsonb), a query string whose percent-encoding is not UTF-8, and a body
 * nested past reason (validating it would overflow the stack). Keys of objects are text too.
 */
export const MAX_INPUT_NESTING = 32;

const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type Problem = 'nul' | 'surrogate' | 'nesting';

const MESSAGES: Record<Problem, string> = {
  nul: 'Chứa ký tự không hợp lệ (ký tự NUL)',
  surrogate: 'Chứa ký tự không hợp lệ (nửa cặp mã UTF-16)',
  nesting: `Dữ liệu lồng nhau quá ${MAX_INPUT_NESTING} tầng`,
};

function textProblem(text: string): Problem | null {
  if (text.includes(NUL)) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

/** The first problem in `value` and where it is; walks without recursion, whatever the nesting. */
function findProblem(value: unknown): { path: string[]; problem: Problem } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, problem };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length >= MAX_INPUT_NESTING) return { path: item.path, problem: 'nesting' };
    for (const [key, child] of Object.entries(item.value)) {
      const problem = textProblem(key);
      // The key is named without the characters refused, so the answer does not carry them back.
      if (problem) return { path: [...item.path, key.replaceAll(NUL, '\ufffd').replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd')], problem };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return null;
}

/** True when every part of the query string decodes as UTF-8. */
function queryDecodes(url: string): boolean {
  const at = url.indexOf('?');
  if (at < 0) return true;
  for (const part of url.slice(at + 1).split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

function check(request: FastifyRequest): void {
  if (!queryDecodes(request.url)) {
    throw new InputError('Địa chỉ yêu cầu có phần mã hóa không hợp lệ', [{ path: 'querystring', message: 'Mã hóa phần trăm không phải UTF-8' }]);
  }
  const parts = { querystring: request.query, params: request.params, body: request.body } as const;
  for (const [part, value] of Object.entries(parts)) {
    const found = findProblem(value);
    if (!found) continue;
    const path = [part, ...found.path].join('.');
    throw new InputError(`Dữ liệu không hợp lệ: ${path} — ${MESSAGES[found.problem]}`, [{ path, message: MESSAGES[found.problem] }]);
  }
}

export default fp(async function inputPlugin(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => check(request));
});
