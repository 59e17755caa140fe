-- Schema v10 (SQLite): what people decide about the data. Twin: schema/postgres/010_review.sql.
-- Both tables are keyed by the stable identity of what they concern (division, unit, year and
-- coordinate; never report_id or finding seq, which change with --force and re-extraction), so
-- a decision outlives every re-run; any SQL client may insert, update or delete rows
-- (README: "Reviewing findings and correcting cells").
--
-- A finding's review decision. It applies to every finding of that unit, year, kind and
-- coordinate whose raw text equals source_text ('' where a part is absent); when the source
-- line changes, the raw text changes and the finding is open again. No row: open. Deleting the
-- row re-opens the finding (gongkai review ID --reopen).
CREATE TABLE finding_review (
  division_code TEXT NOT NULL DEFAULT '',
  unit          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  table_code    TEXT NOT NULL DEFAULT '',
  row_code      TEXT NOT NULL DEFAULT '',
  col_code      TEXT NOT NULL DEFAULT '',
  source_text   TEXT NOT NULL DEFAULT '',
  state         TEXT NOT NULL CHECK (state = 'confirmed' OR state = 'dismissed' OR state = 'fixed'),
  reason        TEXT,
  reviewer      TEXT,
  reviewed_at   TEXT NOT NULL,
  CHECK (state <> 'dismissed' OR length(trim(COALESCE(reason, ''))) > 0),
  PRIMARY KEY (division_code, unit, year, kind, table_code, row_code, col_code, source_text)
);
-- A person's value for one cell; the marts read it instead of the extracted value (value NULL:
-- the cell is blank). extracted_* is what the cell held when the correction was made: a load
-- whose extracted cell differs (or is gone) adds a finding corrected_cell_changed.
CREATE TABLE cell_correction (
  division_code   TEXT NOT NULL DEFAULT '',
  unit            TEXT NOT NULL,
  year            INTEGER NOT NULL,
  table_code      TEXT NOT NULL,
  row_code        TEXT NOT NULL,
  col_code        TEXT NOT NULL,
  value           REAL,
  extracted_state TEXT NOT NULL,
  extracted_value REAL,
  extracted_raw   TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  corrected_by    TEXT,
  corrected_at    TEXT NOT NULL,
  PRIMARY KEY (division_code, unit, year, table_code, row_code, col_code)
);
-- Chinese texts beside the English (pipeline/messages_zh.h), filled at load.
ALTER TABLE finding ADD COLUMN message_zh TEXT;
ALTER TABLE rule_result ADD COLUMN message_zh TEXT;
ALTER TABLE report ADD COLUMN error_message_zh TEXT;
-- How many of the report's cells the facts read from cell_correction.
ALTER TABLE report_fact ADD COLUMN corrected_cells INTEGER NOT NULL DEFAULT 0;
