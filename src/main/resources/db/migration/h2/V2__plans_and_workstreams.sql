-- One row per plan issue: what was accepted, where its tracking comment is, and whether it still runs.
CREATE TABLE plans (
  repository            VARCHAR(300) NOT NULL,
  issue_number          INT NOT NULL,
  installation_id       BIGINT NOT NULL,
  state                 VARCHAR(16) NOT NULL,  -- active | cancelled | rejected
  issue_body            VARCHAR(1000000) NOT NULL,  -- the body the plan was read from: the stored rules
  base_branch           VARCHAR(300) NOT NULL,
  max_parallel          INT NOT NULL,
  agent                 VARCHAR(100),
  shared_paths          VARCHAR(100000) NOT NULL,  -- newline-separated
  enforcement           VARCHAR(16) NOT NULL,
  labelled_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at           TIMESTAMP WITH TIME ZONE,
  tracking_comment_id   BIGINT,
  tracking_comment_body VARCHAR(1000000),
  PRIMARY KEY (repository, issue_number)
);

-- One row per task of a plan (and per task removed from it while its pull request lives on).
CREATE TABLE workstreams (
  repository        VARCHAR(300) NOT NULL,
  issue_number      INT NOT NULL,
  task_id           VARCHAR(40) NOT NULL,
  branch            VARCHAR(300) NOT NULL,
  pr_number         INT,
  pr_state          VARCHAR(8),   -- OPEN | CLOSED | MERGED
  pr_title          VARCHAR(1000),
  pr_body           VARCHAR(1000000),
  pr_labels         VARCHAR(4000),  -- newline-separated
  pr_draft          BOOLEAN,
  state             VARCHAR(16) NOT NULL,  -- a WorkstreamState
  detail            VARCHAR(4000) NOT NULL,
  attempts          INT DEFAULT 0 NOT NULL,
  agent_started_at  TIMESTAMP WITH TIME ZONE,
  agent_finished_at TIMESTAMP WITH TIME ZONE,
  agent_seconds     BIGINT DEFAULT 0 NOT NULL,
  merged_at         TIMESTAMP WITH TIME ZONE,
  requested         VARCHAR(16),  -- retry | cancel, asked by a comment command
  PRIMARY KEY (repository, issue_number, task_id)
);
CREATE INDEX workstreams_pull_request ON workstreams (repository, pr_number);
