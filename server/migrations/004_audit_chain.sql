-- The server's audit becomes a hash chain, one per server database (one team): each line carries the
-- hash of the line before it, so a line altered, removed or moved shows (`npm run server:verify-audit`).
-- Lines are appended only through server/audit-log.ts, which locks the chain's head (audit_head),
-- numbers the new lines after it and hashes them in order.
--
-- hash = lowercase hex SHA-256 of the UTF-8 text of the JSON array
--   [id, at, user_id, action, entity, entity_id, case_id, detail, prev_hash]
-- with `at` as "YYYY-MM-DDTHH:MI:SS.mmmZ" (UTC, milliseconds) and no spaces; line 1's prev_hash is
-- 64 zeros. shared/sync/audit-chain.ts is the same encoding in TypeScript (to_json escapes text as
-- JSON.stringify does).
ALTER TABLE server_audit ADD COLUMN case_id text, ADD COLUMN prev_hash text, ADD COLUMN hash text;

-- The lines already written: the case each is about (a case's own lines; a record's, the case it is
-- filed under) ...
UPDATE server_audit SET case_id = entity_id WHERE entity = 'case';
UPDATE server_audit AS line SET case_id = record.case_id
FROM records AS record
WHERE line.entity <> 'case' AND record.entity = line.entity AND record.entity_id = line.entity_id;

-- ... numbered 1, 2, 3… in their order (rolled-back inserts left gaps in the old sequence, and in the
-- chain a gap means a removed line), with `at` to the millisecond the hash covers ...
UPDATE server_audit SET id = -id;
UPDATE server_audit SET id = numbered.n, at = date_trunc('milliseconds', server_audit.at)
FROM (SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM server_audit) AS numbered
WHERE server_audit.id = numbered.id;

-- ... and chained.
DO $$
DECLARE
  line record;
  previous text := repeat('0', 64);
BEGIN
  FOR line IN SELECT * FROM server_audit ORDER BY id LOOP
    UPDATE server_audit SET prev_hash = previous, hash = encode(sha256(convert_to(
      '[' || line.id::text
      || ',' || to_json(to_char(line.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      || ',' || COALESCE(to_json(line.user_id)::text, 'null')
      || ',' || to_json(line.action)::text
      || ',' || COALESCE(to_json(line.entity)::text, 'null')
      || ',' || COALESCE(to_json(line.entity_id)::text, 'null')
      || ',' || COALESCE(to_json(line.case_id)::text, 'null')
      || ',' || to_json(line.detail)::text
      || ',' || to_json(previous)::text
      || ']', 'UTF8')), 'hex')
    WHERE id = line.id
    RETURNING hash INTO previous;
  END LOOP;
END $$;

-- A line written around the chain (no id from the head, no hash) is refused rather than kept unchained.
ALTER TABLE server_audit
  ALTER COLUMN id DROP DEFAULT,
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL;
DROP SEQUENCE server_audit_id_seq;
CREATE INDEX server_audit_by_case ON server_audit (case_id);

-- The chain's last line. Appending locks this row until commit, so concurrent writers (several server
-- processes) queue here and their lines form one chain in id order.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
SELECT 1, COALESCE(MAX(id), 0), COALESCE((SELECT hash FROM server_audit ORDER BY id DESC LIMIT 1), repeat('0', 64))
FROM server_audit;
