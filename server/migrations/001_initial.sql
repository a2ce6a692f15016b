-- Accounts, sessions, the merged records every client syncs, and the server's own audit of writes.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('analyst', 'lead', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE SEQUENCE change_sequence;

CREATE TABLE records (
  entity text NOT NULL,
  entity_id text NOT NULL,
  case_id text,
  fields jsonb NOT NULL,
  deleted text,
  sequence bigint NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX records_by_sequence ON records (sequence);
CREATE INDEX records_by_case ON records (case_id);

CREATE TABLE client_mutations (
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  outcome text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_id)
);

CREATE TABLE server_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text,
  action text NOT NULL,
  entity text,
  entity_id text,
  detail text NOT NULL DEFAULT ''
);
