-- Meetings: study sessions (hội nghị học tập, quán triệt), cell meetings (sinh hoạt chi bộ thường kỳ,
-- chuyên đề) and their attendance; make-up sessions; higher levels registered to attend or supervise;
-- the dated meeting quality rule sets; and the political-activity campaigns (đợt sinh hoạt chính trị)
-- with their months, documents and topics. A meeting links to the task instance it fulfils.

-- meeting_rule_set: quality rules as data. The set in force on a meeting's date (the latest valid_from
-- not after it, among the sets that apply to the meeting's unit) applies. `rules` is
-- core/meetings/rules.ts `MeetingRules`. `unit_id` null: a national rule (added by administrators);
-- otherwise a committee's own guidance for the units below it (seed 003's rule is such a guidance of
-- the Ban Tổ chức Thị ủy Kỳ Anh).
CREATE TABLE meeting_rule_set (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid REFERENCES unit(id),
  name        text NOT NULL,
  source      text NOT NULL,
  valid_from  date NOT NULL,
  rules       jsonb NOT NULL,
  created_by  uuid REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX meeting_rule_set_scope_key ON meeting_rule_set (coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from);

-- The two sets the issue names, both national (the first stands for every cell until 2025).
-- 1. From 15/6/2021: seed 003 (Kế hoạch of the Đảng ủy xã under Thị ủy Kỳ Anh, 2022) applies
--    "Hướng dẫn số 01-HD/BTC, ngày 15/6/2021 của Ban Tổ chức Thị ủy ... thực hiện Nghị quyết
--    02-NQ/ThU ... về nâng cao chất lượng sinh hoạt cấp ủy, sinh hoạt chi bộ giai đoạn 2021-2025":
--    "Đảm bảo mỗi chi bộ, tối thiểu sinh hoạt chuyên đề ... mỗi năm 01 lần". The other thresholds
--    (90/120 minutes, materials one day before, attendance above 85%, no unexcused absence, nobody
--    absent more than 3 times in a row) are those the issue lists for meeting quality.
-- 2. From 28/10/2025: Chỉ thị số 50-CT/TW ngày 23/7/2025 của Ban Bí thư "về tiếp tục đổi mới và nâng cao
--    chất lượng sinh hoạt chi bộ trong giai đoạn mới" and Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025 của
--    Ban Tổ chức Trung ương. Reported from the guidance (luatvietnam.vn, "Thời lượng sinh hoạt chi bộ
--    đảm bảo tối thiểu 90 phút"): at least 90 minutes, 120 when the thematic and the regular meeting are
--    held together; materials posted at least 1 day before. The quarterly thematic meeting and the
--    attendance criteria are as the issue states them; the guidance's full text was not available to
--    confirm them. A new regulation is a new row (POST /api/meeting-rules), never a code change.
INSERT INTO meeting_rule_set (name, source, valid_from, rules) VALUES
  ('Sinh hoạt chi bộ giai đoạn 2021 - 2025',
   'Hướng dẫn số 01-HD/BTC ngày 15/6/2021 của Ban Tổ chức Thị ủy Kỳ Anh (thực hiện Nghị quyết số 02-NQ/ThU ngày 03/02/2021); sinh hoạt chuyên đề tối thiểu mỗi năm 01 lần',
   '2021-06-15',
   '{"regularPerMonth": 1, "thematic": {"every": "year", "atLeast": 1}, "minMinutes": 90, "minMinutesCombined": 120, "materialsDaysBefore": 1, "minAttendanceShare": 0.85, "maxUnexcusedAbsences": 0, "maxConsecutiveAbsences": 3}'),
  ('Đổi mới và nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới',
   'Chỉ thị số 50-CT/TW ngày 23/7/2025 của Ban Bí thư; Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025 của Ban Tổ chức Trung ương',
   '2025-10-28',
   '{"regularPerMonth": 1, "thematic": {"every": "quarter", "atLeast": 1}, "minMinutes": 90, "minMinutesCombined": 120, "materialsDaysBefore": 1, "minAttendanceShare": 0.85, "maxUnexcusedAbsences": 0, "maxConsecutiveAbsences": 3}');

-- campaign: a committee's campaign of monthly cell meetings on a schedule of documents (seed 004:
-- "Tự soi, tự sửa", April to November 2022). Addressed to the units of the plan it belongs to when
-- `plan_id` is set (the plan's audience), else to every cell below the committee. `task_id`: the task
-- of that plan the monthly meetings fulfil (one task instance per cell and month).
CREATE TABLE campaign (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  title       text NOT NULL,
  plan_id     uuid REFERENCES plan(id),
  task_id     uuid REFERENCES task(id),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_unit_idx ON campaign (unit_id);
CREATE INDEX campaign_plan_idx ON campaign (plan_id) WHERE plan_id IS NOT NULL;

-- campaign_month: one month of the schedule, its topics.
CREATE TABLE campaign_month (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id  uuid NOT NULL REFERENCES campaign(id),
  month        text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  topics       text[] NOT NULL DEFAULT '{}',
  UNIQUE (campaign_id, month)
);

-- campaign_document: the documents to cover in a month (document records; citations become stubs),
-- with the title as the schedule writes it.
CREATE TABLE campaign_document (
  month_id     uuid NOT NULL REFERENCES campaign_month(id),
  document_id  uuid NOT NULL REFERENCES document(id),
  ord          integer NOT NULL,
  note         text,
  PRIMARY KEY (month_id, document_id)
);

-- meeting: a study session or a cell meeting of a unit, planned then held (or cancelled). A make-up
-- session (học bù) points at its main session. `held_on` is the planned day, then the day it was held.
CREATE TABLE meeting (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id             uuid NOT NULL REFERENCES unit(id),
  province_id         uuid,
  kind                text NOT NULL CHECK (kind IN ('study', 'regular', 'thematic', 'regular_thematic')),
  title               text NOT NULL,
  status              text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  held_on             date NOT NULL,
  start_time          text CHECK (start_time ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  session_length      text CHECK (session_length IN ('half_day', 'full_day')),
  duration_minutes    integer CHECK (duration_minutes BETWEEN 1 AND 1440),
  place               text,
  chair_person_id     uuid REFERENCES person(id),
  chair_name          text,
  -- the member categories who must attend (and study): party members, optionally widened
  categories          text[] NOT NULL DEFAULT '{party_full,party_probationary}',
  -- [{"personId", "name", "unitName"}]: chosen from the roster of rapporteurs
  rapporteurs         jsonb NOT NULL DEFAULT '[]',
  -- a rapporteur requested from the higher level (what is asked), null when none
  rapporteur_request  text,
  -- [{"title", "url"}]
  materials           jsonb NOT NULL DEFAULT '[]',
  materials_sent_on   date,
  self_study_allowed  boolean NOT NULL DEFAULT false,
  makeup_of           uuid REFERENCES meeting(id),
  task_instance_id    uuid REFERENCES task_instance(id),
  campaign_month_id   uuid REFERENCES campaign_month(id),
  content             text,
  minutes             text,
  attachments         jsonb NOT NULL DEFAULT '[]',
  -- days of advance notice the superior's plan asks (plan.session_notice_days), taken when linked
  notice_days         integer,
  sent_up_at          timestamptz,
  sent_up_by          uuid,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_unit_idx ON meeting (unit_id, held_on);
CREATE INDEX meeting_held_on_idx ON meeting (held_on) WHERE status <> 'cancelled';
CREATE INDEX meeting_makeup_idx ON meeting (makeup_of) WHERE makeup_of IS NOT NULL;
CREATE INDEX meeting_task_instance_idx ON meeting (task_instance_id) WHERE task_instance_id IS NOT NULL;
CREATE INDEX meeting_campaign_month_idx ON meeting (campaign_month_id) WHERE campaign_month_id IS NOT NULL;

-- meeting_document: the documents studied or discussed.
CREATE TABLE meeting_document (
  meeting_id   uuid NOT NULL REFERENCES meeting(id),
  document_id  uuid NOT NULL REFERENCES document(id),
  PRIMARY KEY (meeting_id, document_id)
);

-- meeting_attendance: one mark per member and meeting; a member without a row is not marked yet.
CREATE TABLE meeting_attendance (
  meeting_id   uuid NOT NULL REFERENCES meeting(id),
  person_id    uuid NOT NULL REFERENCES person(id),
  status       text NOT NULL CHECK (status IN ('present', 'excused', 'absent', 'self_study')),
  reason       text,
  recorded_by  uuid,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, person_id)
);

-- meeting_observer: a user of a higher level registered to attend or supervise a session.
CREATE TABLE meeting_observer (
  meeting_id  uuid NOT NULL REFERENCES meeting(id),
  user_id     uuid NOT NULL REFERENCES app_user(id),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  role        text NOT NULL CHECK (role IN ('attend', 'supervise')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, user_id)
);
