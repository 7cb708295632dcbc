import { describe, it, expect } from 'vitest';
import { prepareText, originalText, nfcView } from './view.ts';
import { tokenF1, wordTokens } from './tokens.ts';
import { foldForSearch, normalizeForCompare } from './fold.ts';

describe('prepareText', () => {
  it('removes markdown emphasis and keeps the map to the original', () => {
    const src = 'Báo cáo **trước ngày 31/3/2022**; xong.';
    const v = prepareText(src);
    expect(v.text).toBe('Báo cáo trước ngày 31/3/2022; xong.');
    const at = v.text.indexOf('trước');
    expect(originalText(v, at, at + 'trước ngày 31/3/2022'.length)).toBe('trước ngày 31/3/2022');
  });
  it('turns <p> and table pipes into line breaks and drops other tags', () => {
    const v = prepareText('| Tháng 4/2022 | <p>1. <i>Nghị quyết</i></p> |');
    expect(v.text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['Tháng 4/2022', '1. Nghị quyết']);
  });
  it('maps a closing parenthesis after emphasis to the original end', () => {
    const src = 'cuối năm (*tháng 11/2022*).';
    const v = prepareText(src);
    expect(v.text).toBe('cuối năm (tháng 11/2022).');
    expect(originalText(v, 0, v.text.indexOf(')') + 1)).toBe('cuối năm (*tháng 11/2022*)');
  });
  it('normalises decomposed input to NFC and maps back to the decomposed original', () => {
    const nfd = 'Kế hoạch'.normalize('NFD');
    const v = nfcView(nfd);
    expect(v.text).toBe('Kế hoạch');
    expect(originalText(v, 0, v.text.length)).toBe(nfd);
  });
});

describe('tokens and folding', () => {
  it('computes token F1', () => {
    expect(tokenF1('Ban Thường vụ', 'Ban Thường vụ')).toBe(1);
    expect(tokenF1('a b', 'a c')).toBeCloseTo(0.5);
    expect(tokenF1('', 'a')).toBe(0);
    expect(wordTokens('Đảng ủy, Khối!')).toEqual(['đảng', 'ủy', 'khối']);
  });
  it('folds for search and comparison', () => {
    expect(foldForSearch('  Tổ   chức ')).toBe('to chuc');
    expect(normalizeForCompare(' a \n b ')).toBe('a b');
  });
});
