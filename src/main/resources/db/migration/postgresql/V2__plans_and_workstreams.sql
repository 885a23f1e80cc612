-- One row per plan issue: what was accepted, where its tracking comment is, and whether it still runs.
CREATE TABLE plans (
  repository            TEXT NOT NULL,
  issue_number          INT NOT NULL,
  installation_id       BIGINT NOT NULL,
  state                 TEXT NOT NULL,  -- active | cancelled | rejected
  issue_body            TEXT NOT NULL,  -- the body the plan was read from: the stored rules
  base_branch           TEXT NOT NULL,
  max_parallel          INT NOT NULL,
  agent                 TEXT,
  shared_paths          TEXT NOT NULL,  -- newline-separated
  enforcement           TEXT NOT NULL,
  labelled_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at           TIMESTAMP WITH TIME ZONE,
  tracking_comment_id   BIGINT,
  tracking_comment_body TEXT,
  PRIMARY KEY (repository, issue_number)
);

-- One row per task of a plan (and per task removed from it while its pull request lives on).
CREATE TABLE workstreams (
  repository        TEXT NOT NULL,
  issue_number      INT NOT NULL,
  task_id           TEXT NOT NULL,
  branch            TEXT NOT NULL,
  pr_number         INT,
  pr_state          TEXT,   -- OPEN | CLOSED | MERGED
  pr_title          TEXT,
  pr_body           TEXT,
  pr_labels         TEXT,  -- newline-separated
  pr_draft          BOOLEAN,
  state             TEXT NOT NULL,  -- a WorkstreamState
  detail            TEXT NOT NULL,
  attempts          INT DEFAULT 0 NOT NULL,
  agent_started_at  TIMESTAMP WITH TIME ZONE,
  agent_finished_at TIMESTAMP WITH TIME ZONE,
  agent_seconds     BIGINT DEFAULT 0 NOT NULL,
  merged_at         TIMESTAMP WITH TIME ZONE,
  requested         TEXT,  -- retry | cancel, asked by a comment command
  PRIMARY KEY (repository, issue_number, task_id)
);
CREATE INDEX workstreams_pull_request ON workstreams (repository, pr_number);
