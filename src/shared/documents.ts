import { isIsoDate, isPlausibleYear, PLAUSIBLE_YEARS } from '#core/ids.ts';
import { z, IdSchema, PageQuerySchema } from './common.ts';
import { DueSchema, ExtractionSchema } from './extraction.ts';

/** Limits of the documents module, shared by the server and the web forms. */
export const DOCUMENT_LIMITS = {
  /** File types the import reads, as the file picker offers them. */
  accept: ['.docx', '.pdf', '.doc', '.txt'],
  acceptMime: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'application/msword',
    'text/plain',
  ],
  /** Items of a list in a structure a person may save (a real plan has a few dozen). */
  listItems: 500,
  text: 5_000,
} as const;

/** Document kinds (extraction/SCHEMA.md `kind`) as a reader names them; `VB` stands for "not known yet". */
export const DOCUMENT_KIND_LABELS: Record<string, { vi: string; en: string }> = {
  KH: { vi: 'Kế hoạch', en: 'Plan' },
  HD: { vi: 'Hướng dẫn', en: 'Guidance' },
  BC: { vi: 'Báo cáo', en: 'Report' },
  CTr: { vi: 'Chương trình', en: 'Programme' },
  NQ: { vi: 'Nghị quyết', en: 'Resolution' },
  NQLT: { vi: 'Nghị quyết liên tịch', en: 'Joint resolution' },
  KL: { vi: 'Kết luận', en: 'Conclusion' },
  QĐ: { vi: 'Quyết định, Quy định', en: 'Decision, regulation' },
  QĐi: { vi: 'Quy định', en: 'Regulation' },
  CT: { vi: 'Chỉ thị', en: 'Directive' },
  TB: { vi: 'Thông báo', en: 'Notice' },
  CV: { vi: 'Công văn', en: 'Official letter' },
  NĐ: { vi: 'Nghị định', en: 'Decree' },
  TT: { vi: 'Thông tư, Thông tri', en: 'Circular' },
  TTLT: { vi: 'Thông tư liên tịch', en: 'Joint circular' },
  TTr: { vi: 'Tờ trình', en: 'Submission' },
  ĐA: { vi: 'Đề án', en: 'Scheme' },
  QC: { vi: 'Quy chế', en: 'Rules' },
  Luật: { vi: 'Luật', en: 'Law' },
  PL: { vi: 'Pháp lệnh', en: 'Ordinance' },
  VB: { vi: 'Văn bản', en: 'Document' },
};

/** The kind stored for a document whose kind is not known yet (an import the extractor could not type). */
export const UNKNOWN_KIND = 'VB';

export const DocumentIdParamsSchema = z.strictObject({ id: IdSchema });
export const PlanFromDocumentParamsSchema = z.strictObject({ documentId: IdSchema });

/** `?unitId=` of an import (the form field `unitId` may say it instead). */
export const DocumentImportQuerySchema = z.strictObject({ unitId: IdSchema.optional() });

export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });
/** Where each item of a structure stands in the text, index for index with its lists. */
export const StructureSpansSchema = z.object({
  deadlines: z.array(SpanSchema.nullable()),
  references: z.array(z.array(SpanSchema)),
  implements: z.array(SpanSchema.nullable()),
  assignments: z.array(SpanSchema.nullable()),
  reports: z.array(SpanSchema.nullable()),
  recipients: z.array(SpanSchema.nullable()),
  number: SpanSchema.nullable(),
  title: SpanSchema.nullable(),
  signer: SpanSchema.nullable(),
});
export type StructureSpans = z.infer<typeof StructureSpansSchema>;

export const DocumentFormatSchema = z.enum(['docx', 'pdf', 'doc', 'txt']);

export const DocumentImportResultSchema = z.object({
  documentId: z.string(),
  extraction: ExtractionSchema,
  spans: StructureSpansSchema,
  text: z.string(),
  format: DocumentFormatSchema,
});
export type DocumentImportResult = z.infer<typeof DocumentImportResultSchema>;

/** The structure a person confirms: the extraction as edited, with bounds on what one request may hold. */
export const DocumentStructureSchema = ExtractionSchema.superRefine((x, ctx) => {
  for (const key of ['implements', 'references', 'deadlines', 'assignments', 'reports', 'recipients'] as const) {
    if (x[key].length > DOCUMENT_LIMITS.listItems) {
      ctx.addIssue({ code: 'custom', path: [key], message: `Tối đa ${DOCUMENT_LIMITS.listItems} mục` });
    }
  }
  for (const key of ['title', 'issuer', 'place'] as const) {
    const v = x[key];
    if (v && v.length > DOCUMENT_LIMITS.text) ctx.addIssue({ code: 'custom', path: [key], message: `Dài tối đa ${DOCUMENT_LIMITS.text} ký tự` });
  }
  const badDate = `Ngày không có thật (định dạng YYYY-MM-DD, ví dụ 2022-03-31; năm từ ${PLAUSIBLE_YEARS.from} đến ${PLAUSIBLE_YEARS.to})`;
  const real = (date: string) => isIsoDate(date) && isPlausibleYear(Number(date.slice(0, 4)));
  if (x.date && !real(x.date)) ctx.addIssue({ code: 'custom', path: ['date'], message: badDate });
  for (const key of ['implements', 'references'] as const) {
    x[key].forEach((r, i) => {
      if (r.date && !real(r.date)) ctx.addIssue({ code: 'custom', path: [key, i, 'date'], message: badDate });
      if (r.number.trim() === '') ctx.addIssue({ code: 'custom', path: [key, i, 'number'], message: 'Hãy nhập số, ký hiệu văn bản' });
    });
  }
  x.deadlines.forEach((d, i) => {
    if (d.text.trim() === '') ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'text'], message: 'Hãy nhập thời hạn như văn bản viết' });
  });
  x.reports.forEach((r, i) => {
    if (r.to.trim() === '') ctx.addIssue({ code: 'custom', path: ['reports', i, 'to'], message: 'Hãy nhập nơi nhận báo cáo' });
  });
});
export type DocumentStructure = z.infer<typeof ExtractionSchema>;

export const SaveStructureResultSchema = z.object({ documentId: z.string(), planId: z.string().nullable() });
export type SaveStructureResult = z.infer<typeof SaveStructureResultSchema>;

export const DocumentStatusSchema = z.enum(['stub', 'draft', 'confirmed']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** Another document as a link shows it; a document the reader may not open shows only what citations say. */
export const DocumentLinkSchema = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  status: DocumentStatusSchema,
  /** False when the reader may not open it (a document of a unit outside their reach). */
  readable: z.boolean(),
});
export type DocumentLink = z.infer<typeof DocumentLinkSchema>;

export const ChainItemSchema = DocumentLinkSchema.extend({
  /** 1 for a document this one carries out, 2 for one that document carries out, … */
  depth: z.number().int(),
  /** The document of the level below that carries this one out. */
  childId: z.string(),
});
export type ChainItem = z.infer<typeof ChainItemSchema>;

export const PlanTaskSchema = z.object({
  id: z.string(),
  ord: z.number().int(),
  kind: z.string(),
  text: z.string(),
  due: DueSchema.nullable(),
  dueText: z.string().nullable(),
  leadText: z.array(z.string()),
  supportText: z.array(z.string()),
});
export const PlanObligationSchema = z.object({
  id: z.string(),
  ord: z.number().int(),
  title: z.string(),
  fromText: z.string().nullable(),
  toText: z.string().nullable(),
  viaText: z.string().nullable(),
  due: z.array(DueSchema),
});
export const DocumentPlanSchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published', 'cancelled']),
  tasks: z.array(PlanTaskSchema),
  obligations: z.array(PlanObligationSchema),
});
export type DocumentPlan = z.infer<typeof DocumentPlanSchema>;

export const DocumentDetailSchema = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  signer: z.object({ capacity: z.string().nullable(), title: z.string().nullable(), name: z.string().nullable() }).nullable(),
  recipients: z.array(z.string()),
  status: DocumentStatusSchema,
  ownerUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  source: z.object({ fileName: z.string(), format: z.string().nullable(), size: z.number().nullable(), sha256: z.string().nullable() }).nullable(),
  /** The text read from the file (null for a stub). */
  text: z.string().nullable(),
  /** The structure a person confirmed; null until then. */
  structure: ExtractionSchema.nullable(),
  /** What the extractor proposed on import. */
  proposed: ExtractionSchema.nullable(),
  /** Where the items of `structure` (or, before confirmation, `proposed`) stand in `text`. */
  spans: StructureSpansSchema.nullable(),
  implements: z.array(DocumentLinkSchema),
  references: z.array(DocumentLinkSchema),
  implementedBy: z.array(DocumentLinkSchema),
  chain: z.array(ChainItemSchema),
  planId: z.string().nullable(),
  plan: DocumentPlanSchema.nullable(),
  permissions: z.object({ write: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DocumentListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.string().trim().max(20).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;

export const DocumentListItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  status: DocumentStatusSchema,
  ownerUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  planId: z.string().nullable(),
  planStatus: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentListItem = z.infer<typeof DocumentListItemSchema>;
export const DocumentListSchema = z.object({ items: z.array(DocumentListItemSchema), total: z.number().int() });
export type DocumentList = z.infer<typeof DocumentListSchema>;

/** Units a document may be imported for: where the user may write, ended units included (old documents). */
export const IssuingUnitsQuerySchema = z.strictObject({ q: z.string().trim().max(200).optional() });
export const IssuingUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  validTo: z.string().nullable(),
  /** Names of the units above it, top first. */
  path: z.array(z.string()),
});
export type IssuingUnit = z.infer<typeof IssuingUnitSchema>;
export const IssuingUnitListSchema = z.object({
  items: z.array(IssuingUnitSchema),
  /** The largest file an import takes (MAX_UPLOAD_MB), so the page can refuse a larger one before sending it. */
  maxUploadBytes: z.number().int(),
});
export type IssuingUnitList = z.infer<typeof IssuingUnitListSchema>;
