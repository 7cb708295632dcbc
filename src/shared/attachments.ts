import { z } from './common.ts';

/**
 * Files attached as evidence (docs/decisions/015): to a unit's report, where each version keeps
 * the files it sent, and to a task instance. A file is stored as it came and served only as a
 * download.
 */

/** The types accepted, by extension: the MIME type each is served with. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[];

/** The size of one file and the number of files per report (one version) or task instance (MAX_ATTACHMENT_MB, MAX_ATTACHMENTS). */
export interface AttachmentLimits {
  maxBytes: number;
  maxCount: number;
}

const UserRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const AttachmentFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: UserRefSchema,
  uploadedAt: z.string(),
});
export type AttachmentFile = z.infer<typeof AttachmentFileSchema>;

/**
 * The files of a report's working set (what the next version sends) or of a task instance, the
 * limits, and whether the reader may add and remove files now.
 */
export const AttachmentListSchema = z.object({
  items: z.array(AttachmentFileSchema),
  limits: z.object({ maxBytes: z.number(), maxCount: z.number(), extensions: z.array(z.string()) }),
  can: z.object({ change: z.boolean() }),
});
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

/**
 * Any text as the id: an id that is not one names nothing, and gets the same 404 as an id out of
 * sight (plugins/access.ts), so a caller learns nothing from the shape of what it sends.
 */
export const AttachmentIdParamsSchema = z.strictObject({ id: z.string().max(100) });

/**
 * Upload to a report, and removal from it: `onBehalf` when the level above enters the unit's
 * report from paper ("nhập thay"), never the default (docs/decisions/014).
 */
export const ReportAttachmentQuerySchema = z.strictObject({
  onBehalf: z.enum(['true', 'false']).optional(),
});
export type ReportAttachmentQuery = z.infer<typeof ReportAttachmentQuerySchema>;

export const AttachmentRemovedSchema = z.object({ id: z.string(), removed: z.literal(true) });
