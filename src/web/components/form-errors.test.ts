import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessages } from './form-errors.ts';

describe('the messages of a refused form', () => {
  it('keeps the first message of each field, keyed by its path', () => {
    const schema = z.object({ name: z.string().min(2, 'Hãy nhập tên').regex(/^\d+$/, 'Chỉ gồm chữ số'), term: z.object({ start: z.string().min(1, 'Thiếu ngày') }) });
    const parsed = schema.safeParse({ name: 'x', term: { start: '' } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issueMessages(parsed.error)).toEqual({ name: 'Hãy nhập tên', 'term.start': 'Thiếu ngày' });
  });

  it('names the whole form "_"', () => {
    const parsed = z.object({}).refine(() => false, 'Không hợp lệ').safeParse({});
    if (!parsed.success) expect(issueMessages(parsed.error)).toEqual({ _: 'Không hợp lệ' });
  });
});
