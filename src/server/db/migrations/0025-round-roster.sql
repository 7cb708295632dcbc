-- round_roster: who a round asks, fixed at its launch (docs/decisions/021). One row per unit the round
-- reached members at: the members (`person_ids`), those of them whose positions ask the leaders'
-- example-setting part (`leader_ids`), and for a round of personal plans the form they fill — one
-- for all (`form_id`, a round with one rule) or each member's in the order of `person_ids`
-- (`form_ids`). A member's own row (`personal_plan`, `pledge`) is written at the first act on it — a
-- save, a signature, an entry on behalf, a transfer — and from then on it is what counts: a national
-- round reaches 5.5 million members and writes 310,000 rows at its launch instead of 5.5 million.
-- No foreign key: the launch writes a round's roster in the statement after the round itself, in one
-- transaction, and a round is never deleted; a check per row costs a national launch 3 s of its 20.
CREATE TABLE round_roster (
  round_id    uuid NOT NULL,
  unit_id     uuid NOT NULL,
  person_ids  uuid[] NOT NULL,
  leader_ids  uuid[] NOT NULL DEFAULT '{}',
  form_id     uuid,
  form_ids    uuid[],
  PRIMARY KEY (round_id, unit_id)
);
-- A transfer finds the rounds that asked a member at their former unit.
CREATE INDEX round_roster_unit_idx ON round_roster (unit_id);

-- Rounds launched before this table: their records were written at the launch; the roster lists them
-- where the round reached them.
INSERT INTO round_roster (round_id, unit_id, person_ids, leader_ids, form_ids)
SELECT round_id, reached_unit_id, array_agg(person_id ORDER BY person_id), coalesce(array_agg(person_id ORDER BY person_id) FILTER (WHERE leader), '{}'),
       array_agg(form_id ORDER BY person_id)
FROM personal_plan GROUP BY round_id, reached_unit_id;
INSERT INTO round_roster (round_id, unit_id, person_ids)
SELECT round_id, reached_unit_id, array_agg(person_id ORDER BY person_id) FROM pledge GROUP BY round_id, reached_unit_id;

COMMENT ON TABLE personal_plan IS 'A member''s plan in a round, written at the first act on it; until then the member is pending in round_roster.';
COMMENT ON TABLE pledge IS 'A member''s pledge in a round, written at the first act on it; until then the member is pending in round_roster.';
