-- The repository config's `protected` globs when the plan was accepted (newline-separated), and
-- whether an admin labelled the plan: together they decide which protected paths its agents may push.
-- Plans recorded before this column get the default list and no admin exception.
ALTER TABLE plans ADD COLUMN protected_paths VARCHAR(100000) DEFAULT '' NOT NULL;
ALTER TABLE plans ADD COLUMN labelled_by_admin BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE plans SET protected_paths = '.github/workflows/**' || CHAR(10) || 'CODEOWNERS' || CHAR(10)
  || '.github/CODEOWNERS' || CHAR(10) || '.github/workstreams.yml';
