-- Schema v14 (SQLite): report_applicant_fact carries its report's counted flag, county, year and
-- edition, so that mart_applications_by_applicant groups this table alone along one covering
-- index (counted, county, year, applicant, ...) instead of joining 700,000 applicant rows to
-- stg_report at 100,000 reports and sorting them (1.1 s of SQLite CPU; 0.2 s after). Twin: schema/postgres/014_applicant_fact_place.sql.
-- The fill (sql/facts/20_report_applicant_fact.sql) copies them from report; a trigger copies
-- them again when they change on report (another file of the unit-year starts or stops
-- counting, a new placement, a re-load).
ALTER TABLE report_applicant_fact ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report_applicant_fact ADD COLUMN county TEXT;
ALTER TABLE report_applicant_fact ADD COLUMN year INTEGER;
ALTER TABLE report_applicant_fact ADD COLUMN edition INTEGER;
UPDATE report_applicant_fact SET (counted, county, year, edition) =
  (SELECT r.counted, r.county, r.year, r.edition FROM report r
   WHERE r.report_id = report_applicant_fact.report_id);
CREATE INDEX report_applicant_fact_county ON report_applicant_fact
  (counted, county, year, applicant, edition, new_applications, carried_over, processed,
   carry_next, blank_cells);
CREATE TRIGGER report_applicant_fact_place
AFTER UPDATE OF counted, county, year, edition ON report
WHEN OLD.counted IS NOT NEW.counted OR OLD.county IS NOT NEW.county OR OLD.year IS NOT NEW.year
  OR OLD.edition IS NOT NEW.edition
BEGIN
  UPDATE report_applicant_fact
  SET counted = NEW.counted, county = NEW.county, year = NEW.year, edition = NEW.edition
  WHERE report_id = NEW.report_id;
END;
