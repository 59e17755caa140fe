-- Schema v4 (PostgreSQL): the warehouse as analysts and BI tools use it. Twin:
-- schema/sqlite/004_warehouse.sql.
-- What gongkai created and from which definition (a hash of the view's SQL, of the dimension
-- tables' sources): a run whose hashes are unchanged touches no view, so grants and the views
-- analysts build on the marts stay; a changed view is migrated with CREATE OR REPLACE VIEW.
CREATE TABLE warehouse_object (
  name       TEXT COLLATE "C" PRIMARY KEY,
  kind       TEXT COLLATE "C" NOT NULL CHECK (kind IN ('view', 'dimensions', 'dictionary')),
  definition TEXT COLLATE "C" NOT NULL
);
-- Roles given read access by `gongkai init --grant-read ROLE`; granted again on any view that
-- a migration had to recreate.
CREATE TABLE grant_read (
  role_name TEXT COLLATE "C" PRIMARY KEY
);
-- Labels of every code the warehouse stores besides the template's own (dim_table, dim_row,
-- dim_col): finding kinds, error kinds, rule keys, states, severities, statuses, ...
CREATE TABLE dim_code (
  code_kind TEXT COLLATE "C" NOT NULL,
  code      TEXT COLLATE "C" NOT NULL,
  label_zh  TEXT COLLATE "C" NOT NULL,
  label_en  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (code_kind, code)
);
ALTER TABLE dim_table ADD COLUMN label_en TEXT COLLATE "C";
ALTER TABLE dim_row ADD COLUMN label_en TEXT COLLATE "C";
ALTER TABLE dim_col ADD COLUMN label_en TEXT COLLATE "C";
-- Every table, view and column described in Chinese and English (column_name '' describes the
-- object itself); the same text is in COMMENT ON (PostgreSQL) and in the README.
CREATE TABLE data_dictionary (
  object_name    TEXT COLLATE "C" NOT NULL,
  column_name    TEXT COLLATE "C" NOT NULL,
  object_kind    TEXT COLLATE "C" NOT NULL CHECK (object_kind IN ('table', 'view')),
  description_zh TEXT COLLATE "C" NOT NULL,
  description_en TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (object_name, column_name)
);
