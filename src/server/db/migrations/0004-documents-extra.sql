-- Documents: a folded search column (number, title and issuer without diacritics, lower case) so that
-- "ke hoach 48" finds "Kế hoạch 48-KH/ĐUK", with a trigram index as for unit and person names.
ALTER TABLE document ADD COLUMN search_folded text NOT NULL DEFAULT '';
CREATE INDEX document_search_trgm ON document USING gin (search_folded gin_trgm_ops);
CREATE INDEX document_created_idx ON document (created_at DESC, id) WHERE deleted_at IS NULL;
