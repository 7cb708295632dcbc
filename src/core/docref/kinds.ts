import { foldDiacritics } from '../text/fold.ts';

/**
 * Document kinds by the abbreviation used in number symbols ("48-KH/ĐUK", "594/KH-UBND").
 * Party symbols put the kind before the slash, state symbols after the first slash.
 */
export const DOCUMENT_KINDS = [
  'KH', 'HD', 'BC', 'CTr', 'NQ', 'NQLT', 'KL', 'QĐ', 'QĐi', 'CT', 'TB', 'CV', 'NĐ', 'TT', 'TTLT', 'TTr',
  'ĐA', 'QC', 'BB', 'GM', 'Luật', 'PL', 'QĐ-TTg',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

// Keys are folded upper-case symbols, so "Qđi", "QĐI" and "QDi" all read as QĐi.
const BY_SYMBOL = new Map<string, DocumentKind>([
  ['KH', 'KH'], ['HD', 'HD'], ['BC', 'BC'], ['CTR', 'CTr'], ['NQ', 'NQ'], ['NQLT', 'NQLT'], ['KL', 'KL'],
  ['QD', 'QĐ'], ['QDI', 'QĐi'], ['CT', 'CT'], ['TB', 'TB'], ['CV', 'CV'], ['ND', 'NĐ'], ['TT', 'TT'],
  ['TTLT', 'TTLT'], ['TTR', 'TTr'], ['DA', 'ĐA'], ['QC', 'QC'], ['BB', 'BB'], ['GM', 'GM'], ['PL', 'PL'],
]);

/** The kind a symbol segment names ("Qđi" → "QĐi"), or null when it names none ("UBND"). */
export function kindFromSymbol(segment: string): DocumentKind | null {
  return BY_SYMBOL.get(foldDiacritics(segment).toUpperCase()) ?? null;
}

// The word that names a kind in running text, longest first so "Chương trình hành động" wins.
const BY_WORD: Array<[string, DocumentKind]> = [
  ['chuong trinh hanh dong', 'CTr'], ['chuong trinh', 'CTr'], ['ke hoach', 'KH'], ['huong dan', 'HD'],
  ['bao cao', 'BC'], ['nghi quyet lien tich', 'NQLT'], ['nghi quyet', 'NQ'], ['ket luan', 'KL'],
  ['quy dinh', 'QĐ'], ['quyet dinh', 'QĐ'], ['chi thi', 'CT'], ['thong bao', 'TB'], ['cong van', 'CV'],
  ['nghi dinh', 'NĐ'], ['thong tu lien tich', 'TTLT'], ['thong tu', 'TT'], ['thong tri', 'TT'], ['to trinh', 'TTr'],
  ['de an', 'ĐA'], ['quy che', 'QC'], ['luat', 'Luật'], ['phap lenh', 'PL'], ['van ban', 'CV'],
];

/** The kind named by a word or phrase such as "Kế hoạch" or "KẾ HOẠCH"; null if none. */
export function kindFromWord(word: string): DocumentKind | null {
  const f = foldDiacritics(word).replace(/\s+/g, ' ').trim();
  for (const [w, k] of BY_WORD) if (f === w) return k;
  return null;
}

/** Regex source matching the kind words in running text (case-insensitive use intended). */
export const KIND_WORD_SOURCE =
  'Chương trình hành động|Chương trình|Kế hoạch|Hướng dẫn|Báo cáo|Nghị quyết liên tịch|Nghị quyết|Kết luận|Quy định|Quyết định|Chỉ thị|Thông báo|Công văn|Nghị định|Thông tư liên tịch|Thông tư|Thông tri|Tờ trình|Đề án|Quy chế|Văn bản';

/** Upper-case type words that open a document's title block ("KẾ HOẠCH"). */
export const TYPE_HEADINGS: Array<[string, DocumentKind]> = [
  ['CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CTr'], ['CHƯƠNG TRÌNH', 'CTr'], ['KẾ HOẠCH', 'KH'], ['HƯỚNG DẪN', 'HD'],
  ['BÁO CÁO', 'BC'], ['NGHỊ QUYẾT', 'NQ'], ['KẾT LUẬN', 'KL'], ['QUY ĐỊNH', 'QĐ'], ['QUYẾT ĐỊNH', 'QĐ'],
  ['CHỈ THỊ', 'CT'], ['THÔNG BÁO', 'TB'], ['THÔNG TRI', 'TT'], ['TỜ TRÌNH', 'TTr'], ['ĐỀ ÁN', 'ĐA'], ['QUY CHẾ', 'QC'],
];
