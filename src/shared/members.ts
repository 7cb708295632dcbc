import { z, ErrorSchema, IdSchema, IsoDateSchema, LIMITS } from './common.ts';
import { MEMBER_CATEGORY_NAMES, POSITION_NAMES } from '#core/org-tree/kinds.ts';

/**
 * People and their memberships (API module `members`). A person belongs to a managing unit;
 * a membership places them in a unit with a category and positions between two dates. Moving a
 * member is a dated transfer: the old membership ends, a new one starts, history is kept.
 */
export const MemberCategorySchema = z.enum(MEMBER_CATEGORY_NAMES, { message: 'Loại thành viên không hợp lệ' });
export const PositionSchema = z.enum(POSITION_NAMES, { message: 'Chức vụ không hợp lệ' });
export const GenderSchema = z.enum(['nam', 'nu'], { message: 'Giới tính là "nam" hoặc "nu"' });

/** `:id` of /api/people/:id and /api/memberships/:id (units use UnitIdParamsSchema). */
export const MemberIdParamsSchema = z.strictObject({ id: IdSchema });

const FullName = z.string().trim().min(2, 'Hãy nhập họ và tên').max(120, 'Họ và tên dài tối đa 120 ký tự');

export const PersonFieldsSchema = z.strictObject({
  fullName: FullName,
  gender: GenderSchema.nullable().optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  phone: z.string().trim().max(20).regex(/^[0-9 +().-]*$/, 'Số điện thoại chỉ gồm chữ số').nullable().optional(),
  email: z.email({ message: 'Email không hợp lệ' }).max(200).nullable().optional(),
  partyCardNo: z.string().trim().max(30).nullable().optional(),
  joinedPartyOn: IsoDateSchema.nullable().optional(),
  jobTitle: z.string().trim().max(LIMITS.name).nullable().optional(),
});

/** POST /api/units/:id/members — a new person with a membership in that unit. */
export const MemberCreateSchema = PersonFieldsSchema.extend({
  category: MemberCategorySchema,
  positions: z.array(PositionSchema).max(8).default([]),
  validFrom: IsoDateSchema,
});
export type MemberCreate = z.infer<typeof MemberCreateSchema>;

/** PATCH /api/people/:id — edit the person's own fields. */
export const PersonUpdateSchema = PersonFieldsSchema.partial();
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

/** PATCH /api/memberships/:id — change category or positions of a current membership. */
export const MembershipUpdateSchema = z.strictObject({
  category: MemberCategorySchema.optional(),
  positions: z.array(PositionSchema).max(8).optional(),
});

/** POST /api/people/:id/transfer — dated move to another unit. */
export const TransferSchema = z.strictObject({
  toUnitId: IdSchema,
  on: IsoDateSchema,
  category: MemberCategorySchema.optional(),
  note: z.string().max(LIMITS.text).optional(),
});
export type Transfer = z.infer<typeof TransferSchema>;

/** POST /api/memberships/:id/end — the membership ends (left, died, expelled…), the person is kept. */
export const MembershipEndSchema = z.strictObject({
  on: IsoDateSchema,
  reason: z.enum(['left', 'transferred_out', 'deceased', 'expelled', 'other']),
  note: z.string().max(LIMITS.text).optional(),
});

export const MembershipViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  category: MemberCategorySchema,
  positions: z.array(PositionSchema),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const MemberRowSchema = z.object({
  personId: z.string(),
  membershipId: z.string(),
  fullName: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  category: MemberCategorySchema,
  positions: z.array(PositionSchema),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  partyCardNo: z.string().nullable(),
  phone: z.string().nullable(),
});
export type MemberRow = z.infer<typeof MemberRowSchema>;

/** GET /api/units/:id/members — paginated, searchable without diacritics, Vietnamese name order. */
export const MemberListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: MemberCategorySchema.optional(),
  /** The members on that date (default: today's members). */
  on: IsoDateSchema.optional(),
  /** Include members of sub-units too. */
  subtree: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const MemberListSchema = z.object({ items: z.array(MemberRowSchema), total: z.number() });
export type MemberList = z.infer<typeof MemberListSchema>;
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

/** GET /api/units/:id/members.xlsx — the same filters as the list, every row (up to EXPORT_MAX_ROWS). */
export const MemberExportQuerySchema = MemberListQuerySchema.omit({ limit: true, offset: true });
export type MemberExportQuery = z.infer<typeof MemberExportQuerySchema>;
export const EXPORT_MAX_ROWS = 50_000;

export const PersonDetailSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  partyCardNo: z.string().nullable(),
  joinedPartyOn: z.string().nullable(),
  jobTitle: z.string().nullable(),
  memberships: z.array(MembershipViewSchema),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

/**
 * Import of a member list (.xlsx or .csv, multipart field `file`, query `mode`):
 * - `mode=check` validates and reports, changes nothing;
 * - `mode=all` imports only when every row is good (otherwise 400 with the report, nothing stored);
 * - `mode=good` imports the good rows and reports the bad ones.
 * Columns (template: GET /api/members/import-template.xlsx): Họ và tên, Giới tính, Ngày sinh,
 * Loại thành viên, Chức vụ, Ngày vào đơn vị, Số thẻ đảng viên, Ngày vào Đảng, Điện thoại, Email, Chức danh,
 * Mã đơn vị (IMPORT_COLUMNS in core/members/import-rows.ts: headers are matched without diacritics or
 * case). A row with a "Mã đơn vị" goes to the unit of that code, which must be the importing unit or
 * below it and active; a row without one goes to the importing unit. A client that accepts
 * application/x-ndjson gets the progress of the writing (step "members") as lines (routes/progress.ts).
 * Answers: 200 ImportReport for `check` and `good`; 201 ImportReport when `all` imported the file;
 * 400 ImportRejected (code IMPORT_ROWS_INVALID, with the report) when `all` found a bad row;
 * 400 ApiError for a file that is not a member list (INVALID_FILE, NO_HEADER, MISSING_COLUMNS,
 * NO_DATA_ROWS, TOO_MANY_ROWS, EMPTY_FILE, NO_FILE), 413 FILE_TOO_LARGE over IMPORT_MAX_BYTES,
 * 413 ARCHIVE_TOO_LARGE for a workbook that inflates past its bounds, 415 UNSUPPORTED_FILE for
 * another kind of file, 422 FILE_TOO_COMPLEX when reading it takes more time or memory than a reader
 * has, 503 FILE_READERS_BUSY when the readers are all busy and files wait (docs/decisions/013).
 */
export const ImportQuerySchema = z.strictObject({ mode: z.enum(['check', 'all', 'good']).default('check') });
export type ImportMode = z.infer<typeof ImportQuerySchema>['mode'];
/** One problem: `row` is the spreadsheet's row number (header = row 1), `column` the column's header. */
export const ImportRowErrorSchema = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export const ImportReportSchema = z.object({
  /** Data rows in the file (blank rows not counted). */
  totalRows: z.number(),
  goodRows: z.number(),
  badRows: z.number(),
  /** People created by this request (0 for `check` and for a refused `all`). */
  imported: z.number(),
  /** Every problem, ordered by row. */
  errors: z.array(ImportRowErrorSchema),
  /** Headers of the file that match no column: their cells were not read. */
  ignoredColumns: z.array(z.string()),
  /**
   * The units the good rows go to ("Mã đơn vị"; a row without a code goes to the importing unit),
   * each with its number of rows, in the order of the file.
   */
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), rows: z.number() })),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
/** The 400 of `mode=all` with bad rows: the error and the full report. */
export const ImportRejectedSchema = ErrorSchema.extend({ report: ImportReportSchema.optional() });
export type ImportRejected = z.infer<typeof ImportRejectedSchema>;

/** A province's list (150,000 rows of a dozen columns) is some 11 MB as .xlsx and 22 to 35 MB as CSV. */
export const IMPORT_MAX_BYTES = 48 * 1024 * 1024;
