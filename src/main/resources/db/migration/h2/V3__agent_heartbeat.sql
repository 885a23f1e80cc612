-- A running agent's worker renews this; a row still RUNNING with an old heartbeat lost its process.
ALTER TABLE workstreams ADD COLUMN agent_heartbeat TIMESTAMP WITH TIME ZONE;
CREATE INDEX workstreams_running ON workstreams (state, agent_heartbeat);
