-- Follow-through: every trigger a workstream received, once per key (review id; head SHA + check suite; merge SHA),
-- and what became of it (pending until a revision answers it, or dropped with a note).
CREATE TABLE revision_triggers (
  repository    TEXT NOT NULL,
  issue_number  INT NOT NULL,
  task_id       TEXT NOT NULL,
  trigger_key   TEXT NOT NULL,
  kind          TEXT NOT NULL,        -- Review | ChecksFailed | SiblingConflict
  trigger_json  TEXT NOT NULL,   -- the trigger, its texts already bounded
  state         TEXT NOT NULL,        -- PENDING | STARTED | DROPPED
  note          TEXT NOT NULL,
  received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (repository, issue_number, task_id, trigger_key)
);

-- Per workstream: revisions since the count was last reset, the last trigger, whether it waits for a person, and
-- the branch head as last seen (a CI trigger about another head is stale).
CREATE TABLE workstream_revisions (
  repository      TEXT NOT NULL,
  issue_number    INT NOT NULL,
  task_id         TEXT NOT NULL,
  revisions_used  INT NOT NULL,
  last_trigger    TEXT NOT NULL,
  needs_human     BOOLEAN NOT NULL,
  head_sha        TEXT NOT NULL,
  PRIMARY KEY (repository, issue_number, task_id)
);

-- Per plan: the repository config's follow-through settings as last read (the scheduler runs without the config).
CREATE TABLE plan_followthrough (
  repository                 TEXT NOT NULL,
  issue_number               INT NOT NULL,
  max_revisions              INT NOT NULL,
  agent_time_budget_seconds  BIGINT NOT NULL,
  plan_time_budget_seconds   BIGINT,
  rerun_failed_checks        BOOLEAN NOT NULL,
  PRIMARY KEY (repository, issue_number)
);
