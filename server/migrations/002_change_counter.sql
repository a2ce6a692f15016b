-- Change sequences come from one counter row instead of a sequence. Taking the next value locks the
-- row until the writing transaction commits, so sequences become visible in the order they are
-- given: a client that has pulled up to N can never later find a change below N appear (with a
-- sequence, a slow transaction could commit N-1 after another committed N).
CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO change_counter (id, value) SELECT 1, COALESCE(MAX(sequence), 0) FROM records;
DROP SEQUENCE change_sequence;
