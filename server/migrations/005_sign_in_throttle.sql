-- Wrong passwords in a row, per account name and per client address, and the wait or lockout they
-- earned. Kept in the database so that every server process over it, and a restart, see one count.
-- Account rows are keyed by the name as typed, whether or not such a user exists, so an unknown name
-- is answered exactly like a real one.
CREATE TABLE sign_in_throttle (
  kind text NOT NULL CHECK (kind IN ('account', 'address')),
  key text NOT NULL,
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at timestamptz,
  blocked_until timestamptz,
  -- Set for an account after too many wrong passwords; only an admin clears it.
  locked_at timestamptz,
  PRIMARY KEY (kind, key)
);
