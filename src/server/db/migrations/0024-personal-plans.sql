-- Personal plans and pledges (docs/decisions/020): a committee launches a round from a task of its
-- plan; every member of its subtree the round asks gets a personal plan (or a pledge to sign); the
-- plans are written, submitted, returned or confirmed, amended as new versions; the coverage of each
-- unit is kept in counters in the same transaction as each change.

-- plan_form: a form of personal plan as data (core/personal-plans/forms.ts `PlanForm`: sections with
-- their bounds and areas). `unit_id` null: the forms of seed 003, open to every committee; otherwise a
-- committee's own form (the Youth Union's, an association's), open to it and the units below.
CREATE TABLE plan_form (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid REFERENCES unit(id),
  code        text NOT NULL,
  label       text NOT NULL,
  title       text NOT NULL,
  scope       text NOT NULL CHECK (scope IN ('term', 'year')),
  sections    jsonb NOT NULL,
  source      text,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plan_form_code_key ON plan_form (coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), code);

-- Mẫu 01–04 of seed 003 (Kế hoạch of the Đảng ủy xã under Thị ủy Kỳ Anh, 2022, §2.3 and §3): a term
-- plan holds 3 to 5 items, a year plan 1 to 2; key leaders and heads add 1 to 2 example-setting items
-- in two groups. tests/api/personal-plans.test.ts checks these rows equal core's SEED_FORMS.
INSERT INTO plan_form (code, label, title, scope, sections, source) VALUES
  ('mau-01', 'Mẫu 01', 'Kế hoạch cá nhân thực hiện chuyên đề toàn khóa (cấp ủy viên, cán bộ, đảng viên, công chức, viên chức khối cơ quan, trường học)', 'term',
   '[{"key":"items","title":"Nội dung phấn đấu","minItems":3,"maxItems":5,"areas":["political_thought","ethics_lifestyle","self_criticism","people_relations","work_responsibility","discipline_unity","remedy_shortcomings"],"requiredAreas":[],"grouped":false,"forPositions":[]},{"key":"example","title":"Đăng ký nêu gương (lãnh đạo chủ chốt, người đứng đầu)","minItems":1,"maxItems":2,"areas":[],"requiredAreas":[],"grouped":true,"forPositions":["secretary","deputy_secretary","standing_member","head"]}]',
   'Kế hoạch thực hiện chuyên đề toàn khóa và chủ đề năm 2022, Đảng ủy xã (Thị ủy Kỳ Anh), mục 2.3 và 3'),
  ('mau-02', 'Mẫu 02', 'Kế hoạch cá nhân thực hiện chủ đề năm (cấp ủy viên, cán bộ, đảng viên, công chức, viên chức khối cơ quan, trường học)', 'year',
   '[{"key":"items","title":"Nội dung phấn đấu","minItems":1,"maxItems":2,"areas":["political_thought","ethics_lifestyle","self_criticism","people_relations","work_responsibility","discipline_unity","remedy_shortcomings"],"requiredAreas":[],"grouped":false,"forPositions":[]},{"key":"example","title":"Đăng ký nêu gương (lãnh đạo chủ chốt, người đứng đầu)","minItems":1,"maxItems":2,"areas":[],"requiredAreas":[],"grouped":true,"forPositions":["secretary","deputy_secretary","standing_member","head"]}]',
   'Kế hoạch thực hiện chuyên đề toàn khóa và chủ đề năm 2022, Đảng ủy xã (Thị ủy Kỳ Anh), mục 2.3 và 3'),
  ('mau-03', 'Mẫu 03', 'Kế hoạch cá nhân thực hiện chuyên đề toàn khóa (đảng viên nông thôn, đoàn viên, hội viên)', 'term',
   '[{"key":"items","title":"Nội dung phấn đấu","minItems":3,"maxItems":5,"areas":["political_thought","ethics_lifestyle","self_criticism","people_relations","work_responsibility","discipline_unity","remedy_shortcomings"],"requiredAreas":[],"grouped":false,"forPositions":[]},{"key":"example","title":"Đăng ký nêu gương (lãnh đạo chủ chốt, người đứng đầu)","minItems":1,"maxItems":2,"areas":[],"requiredAreas":[],"grouped":true,"forPositions":["secretary","deputy_secretary","standing_member","head"]}]',
   'Kế hoạch thực hiện chuyên đề toàn khóa và chủ đề năm 2022, Đảng ủy xã (Thị ủy Kỳ Anh), mục 2.3 và 3'),
  ('mau-04', 'Mẫu 04', 'Kế hoạch cá nhân thực hiện chủ đề năm (đảng viên nông thôn, đoàn viên, hội viên)', 'year',
   '[{"key":"items","title":"Nội dung phấn đấu","minItems":1,"maxItems":2,"areas":["political_thought","ethics_lifestyle","self_criticism","people_relations","work_responsibility","discipline_unity","remedy_shortcomings"],"requiredAreas":[],"grouped":false,"forPositions":[]},{"key":"example","title":"Đăng ký nêu gương (lãnh đạo chủ chốt, người đứng đầu)","minItems":1,"maxItems":2,"areas":[],"requiredAreas":[],"grouped":true,"forPositions":["secretary","deputy_secretary","standing_member","head"]}]',
   'Kế hoạch thực hiện chuyên đề toàn khóa và chủ đề năm 2022, Đảng ủy xã (Thị ủy Kỳ Anh), mục 2.3 và 3');

-- round: what a committee launches for the members of its subtree, from a task of one of its
-- published plans. `kind` personal_plan: `assignments` says who fills which form
-- ([{"formId", "categories", "unitIds"}], the first match decides); pledge: `categories` sign
-- `pledge_text`. Deadlines: submit (sign), confirm, send up.
CREATE TABLE round (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id      uuid NOT NULL REFERENCES unit(id),
  kind         text NOT NULL CHECK (kind IN ('personal_plan', 'pledge')),
  title        text NOT NULL,
  plan_id      uuid NOT NULL REFERENCES plan(id),
  task_id      uuid NOT NULL REFERENCES task(id),
  scope        text CHECK (scope IN ('term', 'year')),
  year         integer,
  assignments  jsonb NOT NULL DEFAULT '[]',
  categories   text[] NOT NULL DEFAULT '{}',
  pledge_text  text,
  submit_by    date,
  confirm_by   date,
  send_up_by   date,
  launched_on  date NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX round_unit_idx ON round (unit_id, launched_on);
CREATE INDEX round_task_idx ON round (task_id);

-- personal_plan: one per round and member asked, written at launch. `unit_id`: the unit that manages
-- the member now (a transfer moves it); `reached_unit_id`: where the round reached them. `state`
-- pending (nothing written) → draft → submitted → returned | confirmed; `version` the current version;
-- `confirmed_on` the first confirmation (it stays while an amendment is written); `late` the first
-- submission came after the round's deadline. A national round writes 5.5 million rows at once, so
-- the table carries only the foreign key to its round: the members and units come from the
-- memberships read in the same statement.
CREATE TABLE personal_plan (
  round_id         uuid NOT NULL REFERENCES round(id),
  person_id        uuid NOT NULL,
  unit_id          uuid NOT NULL,
  reached_unit_id  uuid NOT NULL,
  form_id          uuid NOT NULL,
  leader           boolean NOT NULL DEFAULT false,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'draft', 'submitted', 'returned', 'confirmed')),
  version          integer NOT NULL DEFAULT 0,
  late             boolean NOT NULL DEFAULT false,
  submitted_on     date,
  confirmed_on     date,
  -- the year-end look back: [{"section", "item", "result", "account", "comment"}] on the confirmed version
  look_back        jsonb,
  updated_at       timestamptz,
  PRIMARY KEY (round_id, person_id)
);
CREATE INDEX personal_plan_unit_idx ON personal_plan (unit_id, round_id);
CREATE INDEX personal_plan_person_idx ON personal_plan (person_id);

-- personal_plan_version: the items as written ({"<section key>": [{"text", "area", "group"}]}), by the
-- member or entered by the secretary from paper (`on_behalf`). A submitted version is never edited:
-- a returned plan is corrected in a new version, a confirmed one amended in a new version.
-- `confirmed_unit_id`: the unit that managed the member when it was confirmed (a former cell keeps
-- reading what it confirmed).
CREATE TABLE personal_plan_version (
  round_id           uuid NOT NULL,
  person_id          uuid NOT NULL,
  version            integer NOT NULL,
  sections           jsonb NOT NULL,
  written_by         uuid,
  on_behalf          boolean NOT NULL DEFAULT false,
  saved_at           timestamptz NOT NULL,
  submitted_on       date,
  late               boolean NOT NULL DEFAULT false,
  returned_at        timestamptz,
  returned_by        uuid,
  return_comment     text,
  confirmed_on       date,
  confirmed_by       uuid,
  confirmed_unit_id  uuid,
  PRIMARY KEY (round_id, person_id, version),
  FOREIGN KEY (round_id, person_id) REFERENCES personal_plan (round_id, person_id)
);

-- pledge: one per round of kind pledge and member asked; signed in the app or entered by the
-- secretary from paper with the day it was signed.
CREATE TABLE pledge (
  round_id         uuid NOT NULL REFERENCES round(id),
  person_id        uuid NOT NULL,
  unit_id          uuid NOT NULL,
  reached_unit_id  uuid NOT NULL,
  signed_on        date,
  late             boolean NOT NULL DEFAULT false,
  entered_by       uuid,
  on_behalf        boolean NOT NULL DEFAULT false,
  PRIMARY KEY (round_id, person_id)
);
CREATE INDEX pledge_unit_idx ON pledge (unit_id, round_id);
CREATE INDEX pledge_person_idx ON pledge (person_id);

-- round_counter: the coverage of a round at a unit, its whole subtree (core/personal-plans/coverage.ts),
-- split into slots at the levels near the root as progress_counter is (migration 0011).
CREATE TABLE round_counter (
  round_id            uuid NOT NULL,
  unit_id             uuid NOT NULL,
  slot                smallint NOT NULL DEFAULT 0,
  must                integer NOT NULL DEFAULT 0,
  submitted           integer NOT NULL DEFAULT 0,
  confirmed           integer NOT NULL DEFAULT 0,
  late                integer NOT NULL DEFAULT 0,
  leaders             integer NOT NULL DEFAULT 0,
  leaders_registered  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, unit_id, slot)
) WITH (fillfactor = 70);

-- The thematic meeting in which a cell discussed its members' plans (seed 003 §3, step 3).
ALTER TABLE meeting ADD COLUMN round_id uuid REFERENCES round(id);
CREATE INDEX meeting_round_idx ON meeting (round_id) WHERE round_id IS NOT NULL;
