-- The tracking comment's "conflicts" and "preview" sections (conflict radar and integration preview), kept with the
-- plan so that every rendering of the tracking comment shows them (at most 8,000 characters: IntegrationNote.MAX_CHARS).
ALTER TABLE plans ADD COLUMN integration_note TEXT;
