-- Client ids belong to the account that first pushed under them: another account's push under the
-- same id is refused, so nobody can make a colleague's next mutation ids come back "duplicate".
CREATE TABLE client_bindings (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  bound_at timestamptz NOT NULL DEFAULT now()
);
-- Ids already in use stay with the account that pushed under them first.
INSERT INTO client_bindings (client_id, user_id, bound_at)
SELECT DISTINCT ON (client_id) client_id, user_id, applied_at FROM client_mutations
ORDER BY client_id, applied_at, mutation_id;

-- Who has shown they hold a blob's bytes: they uploaded them (hashed by the server) or fetched them.
CREATE TABLE blob_holders (
  sha256 text NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  since timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, user_id)
);

-- Which evidence record cites which bytes, who made it cite them, and whether that person had shown
-- they hold them (vouched). Only vouched citations open the bytes to readers of their case: knowing a
-- hash is not having the file.
CREATE TABLE evidence_citations (
  evidence_id text PRIMARY KEY,
  sha256 text NOT NULL,
  -- Null for evidence that reached the server before citations were recorded.
  cited_by text REFERENCES users (id),
  vouched boolean NOT NULL
);
CREATE INDEX evidence_citations_by_sha256 ON evidence_citations (sha256);
-- Evidence already on the server was accepted before citations were checked: it stays readable.
INSERT INTO evidence_citations (evidence_id, sha256, cited_by, vouched)
SELECT entity_id, fields->'sha256'->>'value', NULL, true FROM records
WHERE entity = 'evidence' AND fields->'sha256'->>'value' IS NOT NULL;
