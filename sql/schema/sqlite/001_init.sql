-- Warehouse schema v1 (SQLite). The PostgreSQL twin is schema/postgres/001_init.sql; keep the
-- two identical in tables, columns and keys: only types, identity columns and storage differ
-- (the per-report child tables are clustered on their key here: WITHOUT ROWID; and a CHECK
-- lists its values with OR, as SQLite evaluates "x IN (...)" through a temporary index built
-- for every inserted row, which halved load speed).
CREATE TABLE dim_table (
  table_code TEXT PRIMARY KEY,
  label_zh   TEXT NOT NULL
);
CREATE TABLE dim_row (
  edition    INTEGER NOT NULL,
  table_code TEXT NOT NULL,
  row_code   TEXT NOT NULL,
  label_zh   TEXT NOT NULL,
  group_zh   TEXT,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (edition, table_code, row_code)
);
CREATE TABLE dim_col (
  edition    INTEGER NOT NULL,
  table_code TEXT NOT NULL,
  col_code   TEXT NOT NULL,
  label_zh   TEXT NOT NULL,
  measure    TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (edition, table_code, col_code)
);
CREATE TABLE gazetteer (
  county TEXT NOT NULL,
  unit   TEXT NOT NULL,
  PRIMARY KEY (county, unit)
);
-- One row per source file: a loaded report, or a file that failed with its reason.
CREATE TABLE report (
  report_id         INTEGER PRIMARY KEY,
  source_path       TEXT NOT NULL UNIQUE,
  content_sha256    TEXT,
  size_bytes        INTEGER NOT NULL,
  extractor_version TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status = 'loaded' OR status = 'failed'),
  error_kind        TEXT,
  error_message     TEXT,
  title             TEXT,
  unit              TEXT,
  year              INTEGER,
  county            TEXT,
  county_source     TEXT,
  edition           INTEGER,
  cell_count        INTEGER NOT NULL DEFAULT 0,
  finding_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_unit_year ON report (unit, year);
CREATE TABLE cell (
  report_id   INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  table_code  TEXT NOT NULL,
  row_code    TEXT NOT NULL,
  col_code    TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state = 'number' OR state = 'blank' OR state = 'na'),
  value       REAL,
  measure     TEXT NOT NULL,
  raw         TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (report_id, table_code, row_code, col_code)
) WITHOUT ROWID;
CREATE TABLE finding (
  report_id   INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning' OR severity = 'info'),
  table_code  TEXT,
  row_code    TEXT,
  col_code    TEXT,
  source_line INTEGER,
  raw         TEXT,
  message     TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;
CREATE TABLE rule_result (
  report_id INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  rule_key  TEXT NOT NULL,
  subject   TEXT NOT NULL,
  lhs_terms TEXT NOT NULL,
  rhs_terms TEXT NOT NULL,
  lhs       REAL,
  rhs       REAL,
  diff      REAL,
  status    TEXT NOT NULL CHECK (status = 'pass' OR status = 'fail' OR status = 'not_assessable'),
  PRIMARY KEY (report_id, rule_key, subject)
) WITHOUT ROWID;
