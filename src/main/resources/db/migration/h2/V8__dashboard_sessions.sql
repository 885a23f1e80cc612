-- Dashboard sign-ins. The cookie carries a random session id; only its SHA-256 is stored, so a read of this
-- table cannot be replayed as a cookie. The person's user-to-server token is sealed with AES-GCM under a key
-- derived from the App's private key (TokenSeal) and never leaves the server. `repositories` is what GitHub
-- said the person reaches through the App's installations ("installation_id owner/name" per line), asked
-- again when checked_at is older than ten minutes.
CREATE TABLE dashboard_sessions (
  id_hash      VARCHAR(64) PRIMARY KEY,
  user_id      BIGINT NOT NULL,
  login        VARCHAR(100) NOT NULL,
  token_sealed VARCHAR(8000) NOT NULL,
  csrf_token   VARCHAR(64) NOT NULL,
  repositories VARCHAR(1000000) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  checked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dashboard_sessions_created ON dashboard_sessions (created_at);

-- OAuth `state` values handed out with "Sign in with GitHub" (SHA-256, like the session ids): each is
-- deleted by the callback that uses it, so a replayed or forged state finds no row and is refused.
CREATE TABLE oauth_states (
  state_hash VARCHAR(64) PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
