import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError } from '../core/errors.ts';
import type { ApiError } from '../shared/common.ts';

/**
 * The one table from domain error code to HTTP status. A code not listed is a 400 (the
 * request asked for something the domain refuses); unknown exceptions are 500s.
 */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  MEMBERSHIP_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  OBLIGATION_NOT_FOUND: 404,
  SUBMISSION_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  SUBMISSION_LOCKED: 409,
  SUBMISSION_NOT_SUBMITTED: 409,
  REPORT_CLOSED: 409,
  PLAN_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  PLAN_NOT_DRAFT: 409,
  PLAN_NOT_PUBLISHED: 409,
  IMPLEMENTING_PLAN_EXISTS: 409,
  INSTANCE_CANCELLED: 409,
  FILE_NOT_FOUND: 404,
  DOCUMENT_IS_STUB: 409,
  USERNAME_TAKEN: 409,
  PARTY_CARD_TAKEN: 409,
  CONFLICT: 409,
  PERIOD_NOT_FOUND: 404,
  CONSOLIDATION_NO_TARGET: 409,
  NO_LATE_UNITS: 409,
  MEETING_NOT_FOUND: 404,
  CAMPAIGN_NOT_FOUND: 404,
  MEETING_CANCELLED: 409,
  MEETING_NOT_PLANNED: 409,
  MONTH_IN_USE: 409,
  RULE_SET_EXISTS: 409,
  NO_SESSIONS: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  RATE_LIMITED: 429,
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

function body(code: string, message: string, fields?: ApiError['error']['fields']): ApiError {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** Fastify's error handler: domain errors, validation errors and framework errors → ApiError. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const thrown: unknown = error;
  if (isDomainError(thrown)) {
    return reply.status(statusOf(thrown.code)).send(body(thrown.code, thrown.message));
  }
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
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return reply.status(413).send(body('FILE_TOO_LARGE', 'Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.'));
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return reply.status(400).send(body('NOT_MULTIPART', 'Hãy gửi tệp dưới dạng multipart/form-data.'));
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return reply.status(403).send(body('CSRF', 'Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang.'));
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return reply.status(429).send(body('RATE_LIMITED', 'Quá nhiều lần thử. Hãy đợi một phút rồi thử lại.'));
  if (status >= 400 && status < 500) {
    return reply.status(status).send(body('BAD_REQUEST', 'Yêu cầu không hợp lệ.'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body('INTERNAL', 'Lỗi hệ thống. Thao tác chưa được thực hiện; hãy thử lại sau.'));
}
