-- An edit of a running plan's issue that was not applied, as its tracking comment shows it above the table until the
-- issue body is valid again (at most 16,000 characters: TrackingComment.MAX_REJECTED_EDIT_CHARS).
ALTER TABLE plans ADD COLUMN rejected_edit VARCHAR(1000000);
