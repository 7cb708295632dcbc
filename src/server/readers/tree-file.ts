import type { TreeSheet } from '#core/org-tree/tree-import-rows.ts';
import { lookupTreeHeader, readTreeSheet } from '#core/org-tree/tree-import-rows.ts';
import type { UploadedFile } from './member-file.ts';
import { readSheetFile } from './member-file.ts';

/**
 * Reads an uploaded tree list (.xlsx or .csv) as a member list is read (member-file.ts): of a
 * workbook, the first visible sheet with a "Mã đơn vị" and "Tên đơn vị" header among its first
 * rows. Throws what readSheetFile and readTreeSheet throw.
 */
export async function readTreeList(file: UploadedFile, opts: { maxRows: number }): Promise<TreeSheet> {
  const rows = await readSheetFile(file, opts.maxRows, (first) => lookupTreeHeader(first) !== null);
  return readTreeSheet(rows, opts.maxRows);
}
