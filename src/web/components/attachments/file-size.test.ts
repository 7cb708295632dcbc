import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size.ts';

describe('a file size as the lists show it', () => {
  it('says KB under a megabyte, rounded up, and MB with one decimal the Vietnamese way', () => {
    expect(fileSize(17)).toBe('1 KB');
    expect(fileSize(820 * 1024)).toBe('820 KB');
    expect(fileSize(1024 * 1024 - 1)).toBe('1.024 KB');
    expect(fileSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(fileSize(2.44 * 1024 * 1024)).toBe('2,4 MB');
  });
});
