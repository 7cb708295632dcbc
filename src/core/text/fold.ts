/**
 * Folds Vietnamese text for comparison and search: no diacritics, đ→d, lower case.
 * "Đảng ủy Khối" → "dang uy khoi".
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Collapses every run of whitespace to one space and trims. */
export function foldWhitespace(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** NFC, then whitespace folding: the form in which two printed values are compared. */
export function normalizeForCompare(s: string): string {
  return foldWhitespace(s.normalize('NFC'));
}

/** Folded form for diacritic-insensitive search: "  Tổ  chức " → "to chuc". */
export function foldForSearch(s: string): string {
  return foldWhitespace(foldDiacritics(s));
}

/**
 * Sort key for Vietnamese personal names: given name (the last word) first, then the rest,
 * so "Trần Thị An" sorts before "Lê Văn Ánh". Compare keys with `localeCompare`.
 */
export function vietnameseNameSortKey(fullName: string): string {
  const words = foldWhitespace(fullName.normalize('NFC')).toLowerCase().split(' ');
  const given = words.pop() ?? '';
  return [given, ...words].join(' ');
}
