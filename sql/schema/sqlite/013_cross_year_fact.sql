-- Schema v13 (SQLite): the cross-year rules stored, one row per result, so that
-- mart_cross_year_rules counts them (one row per year, edition, rule, subject and status)
-- and stg_cross_year_result shows them with their reports and labels, neither pairing every
-- counted report with its unit's year before at query time (420,847 results at 100,000
-- reports). Twin: schema/postgres/013_cross_year_fact.sql.
--
-- A result pairs a counted report (report.counted = 1) with the counted report of the same
-- unit name and county (both NULL alike) for year - 1:
--   xyear.carried (subject: an applicant column of 表三, or total): this year's 上年结转 (lhs)
--     = last year's 结转下年度继续办理 (rhs); lhs_line / rhs_line are their source lines;
--   xyear.in_force (subject a1_regulation | a1_normative; both years of the 2021 edition):
--     last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 (lhs) = this year's
--     现行有效件数 (rhs).
-- status is pass / fail, or not_assessable when an operand is blank (never taken as 0).
--
-- Kept exact per unit, in the transaction that changes it: a row inserted into
-- cross_year_request recomputes every result of that unit (its reports of all years) and is
-- deleted again. Requests come from triggers on report (a counted report that changes unit,
-- year, county or edition, stops or starts being counted, or is deleted: the unit it left and
-- the one it joined) and from the fact fills (sql/facts/60_cross_year.sql: the units of the
-- reports whose facts were just written, at a load, a re-placement or a correction).
CREATE TABLE report_cross_year_fact (
  report_id INTEGER NOT NULL,
  prev_report_id INTEGER NOT NULL,
  unit TEXT NOT NULL,
  county TEXT,
  year INTEGER NOT NULL,
  edition INTEGER,
  rule_key TEXT NOT NULL,
  subject TEXT NOT NULL,
  lhs INTEGER,
  rhs INTEGER,
  status TEXT NOT NULL,
  lhs_line INTEGER,
  rhs_line INTEGER,
  PRIMARY KEY (report_id, prev_report_id, rule_key, subject)
) WITHOUT ROWID;
CREATE INDEX report_cross_year_fact_group
  ON report_cross_year_fact (year, edition, rule_key, subject, status);
CREATE INDEX report_cross_year_fact_unit ON report_cross_year_fact (unit, year);
CREATE INDEX report_cross_year_fact_county ON report_cross_year_fact (county, year);

CREATE TABLE cross_year_request (unit TEXT NOT NULL);

CREATE TRIGGER cross_year_request_refresh AFTER INSERT ON cross_year_request
BEGIN
  DELETE FROM report_cross_year_fact WHERE unit = NEW.unit;
  INSERT INTO report_cross_year_fact (report_id, prev_report_id, unit, county, year, edition,
                                      rule_key, subject, lhs, rhs, status, lhs_line, rhs_line)
  SELECT r.report_id, p.report_id, r.unit, r.county, r.year, r.edition, 'xyear.carried',
         a.applicant, a.carried_over, b.carry_next,
         CASE WHEN a.carried_over IS NULL OR b.carry_next IS NULL THEN 'not_assessable'
              WHEN a.carried_over = b.carry_next THEN 'pass' ELSE 'fail' END,
         a.carried_line, b.carry_next_line
  FROM report r
  JOIN report p
    ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
   AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
  JOIN report_applicant_fact a ON a.report_id = r.report_id
  JOIN report_applicant_fact b ON b.report_id = p.report_id AND b.applicant = a.applicant
  WHERE r.unit = NEW.unit AND r.counted = 1
  UNION ALL
  SELECT r.report_id, p.report_id, r.unit, r.county, r.year, r.edition, 'xyear.in_force',
         'a1_regulation', pc.regulation_in_force + c.regulation_issued - c.regulation_abolished,
         c.regulation_in_force,
         CASE WHEN pc.regulation_in_force IS NULL OR c.regulation_issued IS NULL
                OR c.regulation_abolished IS NULL OR c.regulation_in_force IS NULL THEN 'not_assessable'
              WHEN pc.regulation_in_force + c.regulation_issued - c.regulation_abolished = c.regulation_in_force
                THEN 'pass' ELSE 'fail' END,
         NULL, NULL
  FROM report r
  JOIN report p
    ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
   AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
  JOIN report_fact c ON c.report_id = r.report_id
  JOIN report_fact pc ON pc.report_id = p.report_id
  WHERE r.unit = NEW.unit AND r.counted = 1 AND r.edition = 2021 AND p.edition = 2021
  UNION ALL
  SELECT r.report_id, p.report_id, r.unit, r.county, r.year, r.edition, 'xyear.in_force',
         'a1_normative', pc.normative_in_force + c.normative_issued - c.normative_abolished,
         c.normative_in_force,
         CASE WHEN pc.normative_in_force IS NULL OR c.normative_issued IS NULL
                OR c.normative_abolished IS NULL OR c.normative_in_force IS NULL THEN 'not_assessable'
              WHEN pc.normative_in_force + c.normative_issued - c.normative_abolished = c.normative_in_force
                THEN 'pass' ELSE 'fail' END,
         NULL, NULL
  FROM report r
  JOIN report p
    ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
   AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
  JOIN report_fact c ON c.report_id = r.report_id
  JOIN report_fact pc ON pc.report_id = p.report_id
  WHERE r.unit = NEW.unit AND r.counted = 1 AND r.edition = 2021 AND p.edition = 2021;
  DELETE FROM cross_year_request;
END;

-- A counted report that moves, starts or stops being counted, or goes: its units again.
CREATE TRIGGER report_cross_year_update
AFTER UPDATE OF counted, unit, year, county, edition ON report
WHEN (OLD.counted = 1 OR NEW.counted = 1)
 AND (OLD.counted IS NOT NEW.counted OR OLD.unit IS NOT NEW.unit OR OLD.year IS NOT NEW.year
      OR OLD.county IS NOT NEW.county OR OLD.edition IS NOT NEW.edition)
BEGIN
  INSERT INTO cross_year_request (unit) SELECT OLD.unit WHERE OLD.unit IS NOT NULL;
  INSERT INTO cross_year_request (unit)
  SELECT NEW.unit WHERE NEW.unit IS NOT NULL AND NEW.unit IS NOT OLD.unit;
END;

CREATE TRIGGER report_cross_year_delete AFTER DELETE ON report
WHEN OLD.counted = 1 AND OLD.unit IS NOT NULL
BEGIN
  INSERT INTO cross_year_request (unit) VALUES (OLD.unit);
END;

-- The results of the reports already loaded (their facts are in; a warehouse migrated from
-- before v8 has them filled after the migrations, and those fills request their units again).
INSERT INTO cross_year_request (unit) SELECT DISTINCT unit FROM report WHERE counted = 1 AND unit IS NOT NULL;
