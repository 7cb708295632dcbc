-- Secret plans (docs/decisions/012-secret-plans.md): a plan is never less secret than what it
-- carries out. An earlier version let a plan carrying out a secret ("mật") plan be made normal and
-- published, so that the cells it addressed read the secret plan's number, title and tasks through
-- it.

-- secret_inherited: the plan has carried out a secret document (by an "implements" link or as its
-- parent plan). It copied that document's tasks and cites it, so it stays secret even once the
-- link is removed; only a plan secret by its own unit's choice may be made normal again.
ALTER TABLE plan ADD COLUMN secret_inherited boolean NOT NULL DEFAULT false;

-- Every plan that carries out a secret document, directly or through plans that do, inherits it.
WITH RECURSIVE carries(from_id, to_id) AS (
  SELECT l.from_id, l.to_id FROM document_link l JOIN plan p ON p.id = l.from_id WHERE l.relation = 'implements'
  UNION ALL
  SELECT p.id, p.parent_plan_id FROM plan p WHERE p.parent_plan_id IS NOT NULL
), tainted(id) AS (
  SELECT c.from_id FROM carries c JOIN document s ON s.id = c.to_id
  WHERE s.confidentiality = 'secret' AND s.deleted_at IS NULL
  UNION
  SELECT c.from_id FROM tainted t JOIN carries c ON c.to_id = t.id
)
UPDATE plan SET secret_inherited = true WHERE id IN (SELECT id FROM tainted);

UPDATE document d SET confidentiality = 'secret', updated_at = now()
FROM plan p WHERE p.id = d.id AND p.secret_inherited AND d.confidentiality <> 'secret';
