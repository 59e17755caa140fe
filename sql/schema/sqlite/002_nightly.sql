-- Schema v2 (SQLite): what nightly incremental runs need. Twin: schema/postgres/002_nightly.sql.
-- The manifest is the report table itself (path, size, mtime, content hash, extractor version).
ALTER TABLE report ADD COLUMN mtime_ns INTEGER;
ALTER TABLE report ADD COLUMN encoding TEXT;
-- One row per run; a run killed before it finished stays 'running' until the next run of the
-- same shard (the same input folders) marks it 'aborted'.
CREATE TABLE run (
  run_id            INTEGER PRIMARY KEY,
  shard             TEXT NOT NULL,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL CHECK (status = 'running' OR status = 'finished' OR status = 'aborted'),
  exit_code         INTEGER,
  extractor_version TEXT NOT NULL,
  files_seen        INTEGER NOT NULL DEFAULT 0,
  loaded            INTEGER NOT NULL DEFAULT 0,
  skipped           INTEGER NOT NULL DEFAULT 0,
  failed            INTEGER NOT NULL DEFAULT 0,
  missing           INTEGER NOT NULL DEFAULT 0,
  removed           INTEGER NOT NULL DEFAULT 0,
  findings          INTEGER NOT NULL DEFAULT 0
);
-- Files a run could not load, and files that disappeared since they were loaded.
CREATE TABLE run_file (
  run_id      INTEGER NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
  source_path TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome = 'failed' OR outcome = 'missing' OR outcome = 'removed'),
  error_kind  TEXT,
  message     TEXT,
  PRIMARY KEY (run_id, source_path)
);
