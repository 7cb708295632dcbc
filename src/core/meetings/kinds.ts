/**
 * The words of meetings (GLOSSARY.md "Work"): the kinds of meeting a unit holds, how a member's
 * attendance is marked, and who from a higher level may come to a session.
 */
export const MEETING_KINDS = {
  study: { vi: 'Hội nghị học tập, quán triệt', en: 'Study session' },
  regular: { vi: 'Sinh hoạt chi bộ thường kỳ', en: 'Regular cell meeting' },
  thematic: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
  regular_thematic: { vi: 'Sinh hoạt thường kỳ kết hợp chuyên đề', en: 'Regular meeting combined with a thematic one' },
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_NAMES = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];

/** Kinds that count as the month's regular cell meeting. */
export const REGULAR_KINDS: readonly MeetingKind[] = ['regular', 'regular_thematic'];
/** Kinds that count as a thematic meeting. */
export const THEMATIC_KINDS: readonly MeetingKind[] = ['thematic', 'regular_thematic'];
/** Kinds whose quality (duration, materials, attendance) is assessed: the cell's own meetings. */
export const CELL_MEETING_KINDS: readonly MeetingKind[] = ['regular', 'thematic', 'regular_thematic'];

export const MEETING_STATUSES = {
  planned: { vi: 'Đã lên kế hoạch', en: 'Planned' },
  held: { vi: 'Đã tổ chức', en: 'Held' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
} as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;
export const MEETING_STATUS_NAMES = Object.keys(MEETING_STATUSES) as [MeetingStatus, ...MeetingStatus[]];

/** How a member's attendance is marked: present, absent with a reason, absent, or confirmed self-study. */
export const ATTENDANCE_STATUSES = {
  present: { vi: 'Có mặt', en: 'Present' },
  excused: { vi: 'Vắng có lý do', en: 'Absent with reason' },
  absent: { vi: 'Vắng không lý do', en: 'Absent' },
  self_study: { vi: 'Tự học (đã xác nhận)', en: 'Self-study confirmed' },
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;
export const ATTENDANCE_STATUS_NAMES = Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus, ...AttendanceStatus[]];

/** Marks that count as having studied the content (coverage). */
export const STUDIED_MARKS: readonly AttendanceStatus[] = ['present', 'self_study'];

/** The marks of an absence: the ones the attendance form asks the reason of (not present, not self-study). */
export const ABSENCE_MARKS: readonly AttendanceStatus[] = ['excused', 'absent'];

/** A study session lasts half a day or a whole day (seed 001: "1/2 ngày"). */
export const SESSION_LENGTHS = {
  half_day: { vi: 'Nửa ngày', en: 'Half a day' },
  full_day: { vi: 'Cả ngày', en: 'Full day' },
} as const;
export type SessionLength = keyof typeof SESSION_LENGTHS;
export const SESSION_LENGTH_NAMES = Object.keys(SESSION_LENGTHS) as [SessionLength, ...SessionLength[]];

/** A higher level comes to a session to attend or to supervise it (seed 001: "mời Đảng ủy Khối dự, theo dõi, giám sát"). */
export const OBSERVER_ROLES = {
  attend: { vi: 'Dự', en: 'Attend' },
  supervise: { vi: 'Theo dõi, giám sát', en: 'Supervise' },
} as const;
export type ObserverRole = keyof typeof OBSERVER_ROLES;
export const OBSERVER_ROLE_NAMES = Object.keys(OBSERVER_ROLES) as [ObserverRole, ...ObserverRole[]];

/** Unit kinds that hold cell meetings (sinh hoạt chi bộ): their quality is assessed and campaigns address them. */
export const MEETING_CELL_UNIT_KINDS = ['cell', 'grassroots_cell'] as const;

/** Who must study by default: the party members of the unit (seed 001: "Đảng viên của chi, đảng bộ cơ sở"). */
export const DEFAULT_PARTICIPANT_CATEGORIES = ['party_full', 'party_probationary'] as const;
