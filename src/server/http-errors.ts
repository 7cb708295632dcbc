import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError } from '#core/errors.ts';
import type { DomainErrorCode } from '#core/errors.ts';
import type { ApiError } from '#shared/common.ts';

/**
 * The one table from domain error code to HTTP status. It names every code: 400 when the request
 * asks for something the domain refuses, another status when one says more. The compiler checks
 * that no code is missing; unknown exceptions are 500s.
 */
const STATUS: Record<DomainErrorCode, number> = {
  // Signing in and access
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  WRONG_PASSWORD: 400,
  CURRENT_PASSWORD_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_EXPIRED: 401,
  SAME_PASSWORD: 400,
  TOO_MANY_ATTEMPTS: 429,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // Users
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  GRANT_REQUIRED: 400,
  NO_ACCOUNTS_TO_CREATE: 400,
  SUPERUSER_PASSWORD: 403,
  // Units and restructuring
  UNIT_NOT_FOUND: 404,
  UNIT_NOT_ACTIVE: 400,
  UNIT_REQUIRED: 400,
  UNIT_HAS_CHILDREN: 400,
  UNIT_HAS_MEMBERS: 400,
  DATE_BEFORE_UNIT: 400,
  DATE_BEFORE_LAST_CHANGE: 400,
  NOT_A_CHILD: 400,
  MOVE_SAME_PARENT: 400,
  MOVE_INTO_OWN_SUBTREE: 400,
  MERGE_INTO_SELF: 400,
  MERGE_NEEDS_TWO: 400,
  MERGE_NESTED: 400,
  SPLIT_NEEDS_TWO: 400,
  SPLIT_ROOT: 400,
  DISSOLVE_ROOT: 400,
  DUPLICATE_UNITS: 400,
  DUPLICATE_PEOPLE: 400,
  // Members
  PERSON_NOT_FOUND: 404,
  MEMBERSHIP_NOT_FOUND: 404,
  MEMBERSHIP_ENDED: 400,
  DATE_BEFORE_MEMBERSHIP: 400,
  CATEGORY_REQUIRED: 400,
  SAME_UNIT: 400,
  PARTY_CARD_TAKEN: 409,
  // Member lists read from a file
  MISSING_COLUMNS: 400,
  NO_HEADER: 400,
  NO_DATA_ROWS: 400,
  TOO_MANY_ROWS: 400,
  INVALID_FILE: 400,
  // Uploaded and downloaded files
  NO_FILE: 400,
  NOT_MULTIPART: 400,
  FILE_NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  EMPTY_FILE: 400,
  CORRUPT_FILE: 400,
  ENCRYPTED_FILE: 400,
  IMAGE_ONLY_PDF: 400,
  UNKNOWN_ENCODING: 400,
  UNSUPPORTED_FILE: 415,
  EXPORT_TOO_LARGE: 400,
  ARCHIVE_TOO_LARGE: 413,
  TOO_MANY_PAGES: 413,
  TEXT_TOO_LONG: 413,
  // The file is within every size limit, yet reading it took more time or memory than a reader has.
  FILE_TOO_COMPLEX: 422,
  FILE_READERS_BUSY: 503,
  // Files attached as evidence
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_CONTENT_MISMATCH: 415,
  TOO_MANY_ATTACHMENTS: 409,
  ATTACHMENT_LOCKED: 409,
  // Documents
  DOCUMENT_NOT_FOUND: 404,
  DOCUMENT_IS_STUB: 409,
  DOCUMENT_INCOMPLETE: 400,
  DOCUMENT_TERM_REQUIRED: 400,
  DOCUMENT_OUTSIDE_TERM: 400,
  // Plans and task instances
  PLAN_NOT_FOUND: 404,
  PLAN_NOT_DRAFT: 409,
  PLAN_NOT_PUBLISHED: 409,
  PLAN_EMPTY: 400,
  PLAN_UNIT_FIXED: 400,
  PARENT_PLAN_NOT_PUBLISHED: 400,
  PARENT_TASK_MISMATCH: 400,
  IMPLEMENTING_PLAN_EXISTS: 409,
  SECRET_PLAN_DOWNGRADE: 409,
  SECRET_PLAN_OPEN_IMPLEMENTER: 409,
  AUDIENCE_OUT_OF_SCOPE: 400,
  UNIT_NOT_IN_AUDIENCE: 400,
  NO_MATCHING_ITEMS: 400,
  DUPLICATE_ITEM: 400,
  TASK_NOT_IN_PLAN: 400,
  OBLIGATION_NOT_IN_PLAN: 400,
  INSTANCE_CANCELLED: 409,
  DONE_IN_FUTURE: 400,
  BEYOND_NOT_DONE: 400,
  // Reports
  OBLIGATION_NOT_FOUND: 404,
  SUBMISSION_NOT_FOUND: 404,
  SUBMISSION_LOCKED: 409,
  SUBMISSION_NOT_SUBMITTED: 409,
  REPORT_CLOSED: 409,
  UNIT_MISMATCH: 400,
  PERIOD_REQUIRED: 400,
  PERIOD_UNKNOWN: 400,
  PERIOD_MISMATCH: 400,
  PERIOD_NOT_FOUND: 404,
  FIGURE_UNKNOWN: 400,
  FIGURE_INVALID: 400,
  FIGURE_EXCEEDS_WHOLE: 400,
  FIGURES_MISSING: 400,
  SECTION_UNKNOWN: 400,
  NO_LATE_UNITS: 409,
  CONSOLIDATION_NO_TARGET: 409,
  // Notifications
  NOTIFICATION_NOT_FOUND: 404,
  // Meetings, attendance, rule sets and campaigns
  MEETING_NOT_FOUND: 404,
  MEETING_CANCELLED: 409,
  MEETING_NOT_PLANNED: 409,
  MEETING_IN_FUTURE: 400,
  MONTH_MISMATCH: 400,
  CHAIR_NOT_MEMBER: 400,
  RAPPORTEUR_NOT_IN_ROSTER: 400,
  TASK_INSTANCE_MISMATCH: 400,
  OBSERVER_NOT_ABOVE: 400,
  PERSON_NOT_DUE: 400,
  SELF_STUDY_NOT_ALLOWED: 400,
  MAKEUP_BEFORE_SESSION: 400,
  MAKEUP_FIELD: 400,
  MAKEUP_OF_MAKEUP: 400,
  MAKEUP_STUDY_ONLY: 400,
  NO_SESSIONS: 409,
  RULE_SET_EXISTS: 409,
  RULES_INCONSISTENT: 400,
  CAMPAIGN_NOT_FOUND: 404,
  CAMPAIGN_NOT_ADDRESSED: 400,
  CITATION_INVALID: 400,
  MONTH_IN_USE: 409,
  PLAN_NOT_OF_UNIT: 400,
  // Reviews and quality grading
  REVIEW_RULES_NONE: 400,
  REVIEW_KIND_NOT_ALLOWED: 400,
  // Personal plans, pledges and their rounds
  ROUND_NOT_FOUND: 404,
  FORM_NOT_FOUND: 400,
  FORM_CODE_TAKEN: 409,
  FORM_SCOPE_MISMATCH: 400,
  ROUND_NOBODY_ASKED: 400,
  ROUND_KIND: 400,
  PERSONAL_PLAN_NOT_FOUND: 404,
  PERSONAL_PLAN_STATE: 409,
  PERSONAL_PLAN_INVALID: 400,
  LOOK_BACK_TOO_EARLY: 409,
  PLEDGE_SIGNED: 409,
  NOTHING_CONFIRMED: 400,
  ROUND_NOT_ASSIGNED: 400,
  SIGNED_IN_FUTURE: 400,
};

export function statusOf(code: DomainErrorCode): number {
  // NOTE: a DomainError recognised by its shape may carry a code this build does not know.
  return STATUS[code] ?? 400;
}

/** Codes the HTTP layer answers with itself, for requests refused before any use case ran. */
type HttpErrorCode =
  | 'VALIDATION'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BAD_REQUEST'
  | 'BAD_URL'
  | 'URL_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'METHOD_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'INTERNAL';

function body(code: DomainErrorCode | HttpErrorCode, message: string, fields?: ApiError['error']['fields']): ApiError {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** Input refused before its schema saw it (plugins/input.ts): answered as a validation error. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly fields: NonNullable<ApiError['error']['fields']>,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The answer to a refusal of the framework, by status, for errors without a code of their own. */
const BY_STATUS: Record<number, [DomainErrorCode | HttpErrorCode, string]> = {
  404: ['NOT_FOUND', 'Không tìm thấy.'],
  405: ['METHOD_NOT_ALLOWED', 'Phương thức yêu cầu không được hỗ trợ.'],
  408: ['REQUEST_TIMEOUT', 'Hết thời gian chờ yêu cầu. Hãy thử lại.'],
  413: ['FILE_TOO_LARGE', 'Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.'],
  414: ['URL_TOO_LONG', 'Địa chỉ yêu cầu quá dài.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.'],
  429: ['RATE_LIMITED', 'Quá nhiều lần thử. Hãy đợi một phút rồi thử lại.'],
  431: ['HEADERS_TOO_LARGE', 'Địa chỉ hoặc phần đầu của yêu cầu quá dài.'],
};

/** Fastify's error handler: domain errors, validation errors and framework errors → ApiError. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const thrown: unknown = error;
  if (isDomainError(thrown)) {
    const retryAfter = thrown.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    // A refusal that names its fields (a personal plan's issues) says where each problem is.
    const fields = thrown.details?.fields;
    return reply.status(statusOf(thrown.code)).send(body(thrown.code, thrown.message, Array.isArray(fields) ? (fields as ApiError['error']['fields']) : undefined));
  }
  if (thrown instanceof InputError) return reply.status(400).send(body('VALIDATION', thrown.message, thrown.fields));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const path = [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
      return { path, message: v.message ?? 'Giá trị không hợp lệ' };
    });
    const first = fields[0];
    const message = first ? `Dữ liệu không hợp lệ: ${first.path} — ${first.message}` : 'Dữ liệu không hợp lệ';
    return reply.status(400).send(body('VALIDATION', message, fields));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(body('MALFORMED_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.'));
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return reply.status(400).send(body('NOT_MULTIPART', 'Hãy gửi tệp dưới dạng multipart/form-data.'));
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return reply.status(403).send(body('CSRF', 'Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang.'));
    case 'FST_ERR_BAD_URL':
      return reply.status(400).send(body('BAD_URL', 'Địa chỉ yêu cầu không hợp lệ.'));
  }
  const status = error.statusCode ?? 500;
  const known = BY_STATUS[status];
  if (known) return reply.status(status).send(body(known[0], known[1]));
  if (status >= 400 && status < 500) {
    return reply.status(status).send(body('BAD_REQUEST', 'Yêu cầu không hợp lệ.'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body('INTERNAL', 'Lỗi hệ thống. Thao tác chưa được thực hiện; hãy thử lại sau.'));
}

/**
 * The answer to a request the HTTP parser refused before Fastify saw it (an address or headers
 * too long, a malformed request): written on the socket, in Vietnamese like every other answer.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const [code, message] = BY_STATUS[status] ?? ['BAD_REQUEST', 'Yêu cầu không đúng giao thức HTTP.'];
  const json = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
