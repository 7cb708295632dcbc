/**
 * The kinds of document the engine writes, keyed by the abbreviation their number symbol
 * carries ("60-BC/ĐUK", "594/KH-UBND"), with the kind word printed above the title.
 * Party abbreviations follow 36-HD/VPTW; state ones Nghị định 30/2020/NĐ-CP Phụ lục III;
 * the Youth Union uses the Party's. A "quy định" is "QĐi" in the Party and "QyĐ" in the state
 * list, so both keys exist.
 */
export const OUTGOING_KINDS = {
  NQ: { word: 'NGHỊ QUYẾT', vi: 'Nghị quyết' },
  QĐ: { word: 'QUYẾT ĐỊNH', vi: 'Quyết định' },
  QĐi: { word: 'QUY ĐỊNH', vi: 'Quy định' },
  QyĐ: { word: 'QUY ĐỊNH', vi: 'Quy định' },
  QC: { word: 'QUY CHẾ', vi: 'Quy chế' },
  CT: { word: 'CHỈ THỊ', vi: 'Chỉ thị' },
  KL: { word: 'KẾT LUẬN', vi: 'Kết luận' },
  TT: { word: 'THÔNG TRI', vi: 'Thông tri' },
  HD: { word: 'HƯỚNG DẪN', vi: 'Hướng dẫn' },
  TB: { word: 'THÔNG BÁO', vi: 'Thông báo' },
  BC: { word: 'BÁO CÁO', vi: 'Báo cáo' },
  KH: { word: 'KẾ HOẠCH', vi: 'Kế hoạch' },
  CTr: { word: 'CHƯƠNG TRÌNH', vi: 'Chương trình' },
  TTr: { word: 'TỜ TRÌNH', vi: 'Tờ trình' },
  ĐA: { word: 'ĐỀ ÁN', vi: 'Đề án' },
  PA: { word: 'PHƯƠNG ÁN', vi: 'Phương án' },
  BB: { word: 'BIÊN BẢN', vi: 'Biên bản' },
  GM: { word: 'GIẤY MỜI', vi: 'Giấy mời' },
  CV: { word: 'CÔNG VĂN', vi: 'Công văn' },
} as const;

export type OutgoingKind = keyof typeof OUTGOING_KINDS;
export const OUTGOING_KIND_NAMES = Object.keys(OUTGOING_KINDS) as [OutgoingKind, ...OutgoingKind[]];

export function isOutgoingKind(k: string): k is OutgoingKind {
  return Object.hasOwn(OUTGOING_KINDS, k);
}

/** The upper-case kind word printed above the title: "BÁO CÁO". */
export function kindWord(kind: OutgoingKind): string {
  return OUTGOING_KINDS[kind].word;
}

/**
 * Whether the kind word is printed. A công văn prints none: its summary ("V/v …") stands under
 * the number instead.
 */
export function hasKindLine(kind: OutgoingKind): boolean {
  return kind !== 'CV';
}
