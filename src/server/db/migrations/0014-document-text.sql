-- A document's text is read once, at import (docs/decisions/013).

-- Where each item the extractor proposed stands in the text, kept beside the proposal: opening a
-- document no longer runs the extractor over its text again. Documents imported before have none
-- and have them found again when opened.
ALTER TABLE document ADD COLUMN proposed_spans jsonb;

-- An import refuses a text of more than a million characters (TEXT_TOO_LONG); the database holds
-- the same bound for every text written from now on. NOT VALID: a text stored before is kept.
ALTER TABLE document ADD CONSTRAINT document_body_text_length CHECK (char_length(body_text) <= 1000000) NOT VALID;
