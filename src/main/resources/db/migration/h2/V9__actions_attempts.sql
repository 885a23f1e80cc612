-- Agent attempts sent to GitHub Actions runners (issue 16): shared by every instance, so that an
-- attempt is dispatched once and its run's result pushed once.
CREATE TABLE actions_attempts (
  repository        VARCHAR(300) NOT NULL,
  attempt_key       VARCHAR(100) NOT NULL,   -- <issue>-<task>-a<attempt>, in the run's title and artifact name
  installation_id   BIGINT NOT NULL,
  assignment        VARCHAR(1000000) NOT NULL, -- the AgentAssignment as JSON
  workflow          VARCHAR(200) NOT NULL,
  expected_head     VARCHAR(64) NOT NULL,    -- the task branch's head the run starts from
  run_id            BIGINT,
  state             VARCHAR(16) NOT NULL,    -- DISPATCHING | DISPATCHED | COLLECTING | DONE
  cancel_requested  BOOLEAN NOT NULL,
  dispatched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  deadline          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (repository, attempt_key)
);
CREATE INDEX actions_attempts_waiting ON actions_attempts (state, dispatched_at);
