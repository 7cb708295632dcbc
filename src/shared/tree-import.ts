import { z, ErrorSchema, IsoDateSchema } from './common.ts';

/**
 * Import of an organisation tree (.xlsx or .csv, multipart field `file`) under a unit:
 * POST /api/units/:id/tree/import?mode=check|all|good&on=YYYY-MM-DD, or for a system administrator
 * the whole installation: POST /api/units/tree/import.
 * - `mode=check` checks and reports, changes nothing;
 * - `mode=all` imports only when every row is good (otherwise 400 with the report, nothing stored);
 * - `mode=good` imports the good rows and reports the bad ones.
 * One row per unit (TREE_COLUMNS in core/org-tree/tree-import-rows.ts; template:
 * GET /api/units/tree-template.xlsx). A row whose code is new creates a unit; a known code with a
 * changed name or parent is a rename or move dated `on` (default: today in Vietnam), as the unit
 * page makes them; units of the tree the file leaves out are kept and reported as `missing`.
 * Answers: 200 TreeImportReport for `check` and `good`; 201 when `all` imported the file; 400
 * TreeImportRejected (code IMPORT_ROWS_INVALID, with the report) when `all` found a bad row; the
 * file errors of a member import (400 INVALID_FILE, NO_HEADER, MISSING_COLUMNS, NO_DATA_ROWS,
 * TOO_MANY_ROWS, EMPTY_FILE, NO_FILE; 413; 415; 422; 503).
 */
export const TreeImportQuerySchema = z.strictObject({
  mode: z.enum(['check', 'all', 'good']).default('check'),
  /** The day the import's renames and moves take effect, and new units' founding day when a row gives none. */
  on: IsoDateSchema.optional(),
});
export type TreeImportMode = z.infer<typeof TreeImportQuerySchema>['mode'];

export const TreeChangeCountsSchema = z.object({
  create: z.number(),
  rename: z.number(),
  move: z.number(),
  update: z.number(),
  unchanged: z.number(),
});
export type TreeChangeCounts = z.infer<typeof TreeChangeCountsSchema>;

export const TreeImportReportSchema = z.object({
  /** Data rows in the file (blank rows not counted). */
  totalRows: z.number(),
  goodRows: z.number(),
  badRows: z.number(),
  /** The day renames and moves take effect. */
  on: z.string(),
  /** True when the changes were stored (false for `check` and a refused `all`). */
  imported: z.boolean(),
  /** The changes of the good rows: planned (`check`) or made. */
  counts: TreeChangeCountsSchema,
  /** Every problem, ordered by row: `row` is the spreadsheet's row number, `column` the column's header. */
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  /** Active units of the tree the file does not list: kept as they are. */
  missing: z.array(z.object({ id: z.string(), code: z.string().nullable(), name: z.string() })),
  /** Headers of the file that match no column: their cells were not read. */
  ignoredColumns: z.array(z.string()),
});
export type TreeImportReport = z.infer<typeof TreeImportReportSchema>;

/** The 400 of `mode=all` with bad rows: the error and the full report. */
export const TreeImportRejectedSchema = ErrorSchema.extend({ report: TreeImportReportSchema.optional() });
export type TreeImportRejected = z.infer<typeof TreeImportRejectedSchema>;
