/**
 * Every code a DomainError may carry: a closed list, so a misspelled code fails the compiler and
 * the server's code → status table (server/http-errors.ts) must name each one.
 */
export type DomainErrorCode =
  // Signing in and access
  | 'UNAUTHENTICATED'
  | 'BAD_CREDENTIALS'
  | 'WRONG_PASSWORD'
  | 'CURRENT_PASSWORD_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PASSWORD_EXPIRED'
  | 'SAME_PASSWORD'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  // Users
  | 'USER_NOT_FOUND'
  | 'USERNAME_TAKEN'
  | 'GRANT_REQUIRED'
  | 'NO_ACCOUNTS_TO_CREATE'
  | 'SUPERUSER_PASSWORD'
  // Units and restructuring
  | 'UNIT_NOT_FOUND'
  | 'UNIT_NOT_ACTIVE'
  | 'UNIT_REQUIRED'
  | 'UNIT_HAS_CHILDREN'
  | 'UNIT_HAS_MEMBERS'
  | 'DATE_BEFORE_UNIT'
  | 'DATE_BEFORE_LAST_CHANGE'
  | 'NOT_A_CHILD'
  | 'MOVE_SAME_PARENT'
  | 'MOVE_INTO_OWN_SUBTREE'
  | 'MERGE_INTO_SELF'
  | 'MERGE_NEEDS_TWO'
  | 'MERGE_NESTED'
  | 'SPLIT_NEEDS_TWO'
  | 'SPLIT_ROOT'
  | 'DISSOLVE_ROOT'
  | 'DUPLICATE_UNITS'
  | 'DUPLICATE_PEOPLE'
  // Members
  | 'PERSON_NOT_FOUND'
  | 'MEMBERSHIP_NOT_FOUND'
  | 'MEMBERSHIP_ENDED'
  | 'DATE_BEFORE_MEMBERSHIP'
  | 'CATEGORY_REQUIRED'
  | 'SAME_UNIT'
  | 'PARTY_CARD_TAKEN'
  // Member lists read from a file
  | 'MISSING_COLUMNS'
  | 'NO_HEADER'
  | 'NO_DATA_ROWS'
  | 'TOO_MANY_ROWS'
  | 'INVALID_FILE'
  // Uploaded and downloaded files
  | 'NO_FILE'
  | 'NOT_MULTIPART'
  | 'FILE_NOT_FOUND'
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'CORRUPT_FILE'
  | 'ENCRYPTED_FILE'
  | 'IMAGE_ONLY_PDF'
  | 'UNKNOWN_ENCODING'
  | 'UNSUPPORTED_FILE'
  | 'EXPORT_TOO_LARGE'
  | 'ARCHIVE_TOO_LARGE'
  | 'TOO_MANY_PAGES'
  | 'TEXT_TOO_LONG'
  | 'FILE_TOO_COMPLEX'
  | 'FILE_READERS_BUSY'
  // Files attached as evidence
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  | 'ATTACHMENT_CONTENT_MISMATCH'
  | 'TOO_MANY_ATTACHMENTS'
  | 'ATTACHMENT_LOCKED'
  // Documents
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_IS_STUB'
  | 'DOCUMENT_INCOMPLETE'
  | 'DOCUMENT_TERM_REQUIRED'
  | 'DOCUMENT_OUTSIDE_TERM'
  // Plans and task instances
  | 'PLAN_NOT_FOUND'
  | 'PLAN_NOT_DRAFT'
  | 'PLAN_NOT_PUBLISHED'
  | 'PLAN_EMPTY'
  | 'PLAN_UNIT_FIXED'
  | 'PARENT_PLAN_NOT_PUBLISHED'
  | 'PARENT_TASK_MISMATCH'
  | 'IMPLEMENTING_PLAN_EXISTS'
  | 'SECRET_PLAN_DOWNGRADE'
  | 'SECRET_PLAN_OPEN_IMPLEMENTER'
  | 'AUDIENCE_OUT_OF_SCOPE'
  | 'UNIT_NOT_IN_AUDIENCE'
  | 'NO_MATCHING_ITEMS'
  | 'DUPLICATE_ITEM'
  | 'TASK_NOT_IN_PLAN'
  | 'OBLIGATION_NOT_IN_PLAN'
  | 'INSTANCE_CANCELLED'
  | 'DONE_IN_FUTURE'
  | 'BEYOND_NOT_DONE'
  // Reports
  | 'OBLIGATION_NOT_FOUND'
  | 'SUBMISSION_NOT_FOUND'
  | 'SUBMISSION_LOCKED'
  | 'SUBMISSION_NOT_SUBMITTED'
  | 'REPORT_CLOSED'
  | 'UNIT_MISMATCH'
  | 'PERIOD_REQUIRED'
  | 'PERIOD_UNKNOWN'
  | 'PERIOD_MISMATCH'
  | 'PERIOD_NOT_FOUND'
  | 'FIGURE_UNKNOWN'
  | 'FIGURE_INVALID'
  | 'FIGURE_EXCEEDS_WHOLE'
  | 'FIGURES_MISSING'
  | 'SECTION_UNKNOWN'
  | 'NO_LATE_UNITS'
  | 'CONSOLIDATION_NO_TARGET'
  // Notifications
  | 'NOTIFICATION_NOT_FOUND'
  // Meetings, attendance, rule sets and campaigns
  | 'MEETING_NOT_FOUND'
  | 'MEETING_CANCELLED'
  | 'MEETING_NOT_PLANNED'
  | 'MEETING_IN_FUTURE'
  | 'MONTH_MISMATCH'
  | 'CHAIR_NOT_MEMBER'
  | 'RAPPORTEUR_NOT_IN_ROSTER'
  | 'TASK_INSTANCE_MISMATCH'
  | 'OBSERVER_NOT_ABOVE'
  | 'PERSON_NOT_DUE'
  | 'SELF_STUDY_NOT_ALLOWED'
  | 'MAKEUP_BEFORE_SESSION'
  | 'MAKEUP_FIELD'
  | 'MAKEUP_OF_MAKEUP'
  | 'MAKEUP_STUDY_ONLY'
  | 'NO_SESSIONS'
  | 'RULE_SET_EXISTS'
  | 'RULES_INCONSISTENT'
  | 'CAMPAIGN_NOT_FOUND'
  | 'CAMPAIGN_NOT_ADDRESSED'
  | 'CITATION_INVALID'
  | 'MONTH_IN_USE'
  | 'PLAN_NOT_OF_UNIT'
  // Reviews and quality grading
  | 'REVIEW_RULES_NONE'
  | 'REVIEW_KIND_NOT_ALLOWED'
  // Personal plans, pledges and their rounds
  | 'ROUND_NOT_FOUND'
  | 'FORM_NOT_FOUND'
  | 'FORM_CODE_TAKEN'
  | 'FORM_SCOPE_MISMATCH'
  | 'ROUND_NOBODY_ASKED'
  | 'ROUND_KIND'
  | 'PERSONAL_PLAN_NOT_FOUND'
  | 'PERSONAL_PLAN_STATE'
  | 'PERSONAL_PLAN_INVALID'
  | 'LOOK_BACK_TOO_EARLY'
  | 'PLEDGE_SIGNED'
  | 'NOTHING_CONFIRMED'
  | 'ROUND_NOT_ASSIGNED'
  | 'SIGNED_IN_FUTURE';

/**
 * Domain errors: a stable machine code plus a Vietnamese message for the user.
 * The server maps each code to an HTTP status in one place (server/http-errors.ts).
 */
export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** True for a DomainError, also one that crossed a module-instance boundary (checked by shape). */
export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof DomainError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DomainError' && typeof (e as { code?: unknown }).code === 'string')
  );
}
