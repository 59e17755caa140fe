-- Schema v12 (SQLite): report.counted, 1 for exactly the reports stg_report counts (loaded, and of
-- the loaded reports of one division, unit and year, the later-modified file; equal times: the
-- smallest path; a report without unit or year is alone in its group), 0 for the others. Every
-- mart reads stg_report, which before v12 paid a NOT EXISTS over report for every row it
-- returned (0.3 s user of each mart at 100,000 reports). Twin: schema/postgres/012_counted.sql.
--
-- Kept exact by triggers rather than by each loader path: whatever inserts, updates or deletes a
-- report row (a load or re-load, a failure replacing a report, pruning a removed file, a new
-- placement, a renamed path, --force, `gongkai correct`) has the flags of the group(s) the row
-- left and joined recomputed in the same statement's transaction. The recomputation writes only
-- counted, which is not among the columns the UPDATE trigger watches, so it does not fire again.
ALTER TABLE report ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
UPDATE report SET counted = 1
WHERE status = 'loaded'
  AND NOT EXISTS (
    SELECT 1 FROM report d
    WHERE d.status = 'loaded' AND d.unit = report.unit AND d.year = report.year
      AND COALESCE(d.division_code, '') = COALESCE(report.division_code, '')
      AND (COALESCE(d.mtime_ns, 0) > COALESCE(report.mtime_ns, 0)
           OR (COALESCE(d.mtime_ns, 0) = COALESCE(report.mtime_ns, 0)
               AND d.source_path < report.source_path)));

-- The group of NEW (its rows found through report_unit_year) and the row itself (alone when its
-- unit or year is NULL); in the UPDATE trigger also the group of OLD.
CREATE TRIGGER report_counted_insert AFTER INSERT ON report
BEGIN
  UPDATE report SET counted = (
    status = 'loaded' AND NOT EXISTS (
      SELECT 1 FROM report d
      WHERE d.status = 'loaded' AND d.unit = report.unit AND d.year = report.year
        AND COALESCE(d.division_code, '') = COALESCE(report.division_code, '')
        AND (COALESCE(d.mtime_ns, 0) > COALESCE(report.mtime_ns, 0)
             OR (COALESCE(d.mtime_ns, 0) = COALESCE(report.mtime_ns, 0)
                 AND d.source_path < report.source_path))))
  WHERE report_id = NEW.report_id
     OR (unit = NEW.unit AND year = NEW.year
         AND COALESCE(division_code, '') = COALESCE(NEW.division_code, ''));
END;

CREATE TRIGGER report_counted_update
AFTER UPDATE OF status, unit, year, division_code, mtime_ns, source_path ON report
BEGIN
  UPDATE report SET counted = (
    status = 'loaded' AND NOT EXISTS (
      SELECT 1 FROM report d
      WHERE d.status = 'loaded' AND d.unit = report.unit AND d.year = report.year
        AND COALESCE(d.division_code, '') = COALESCE(report.division_code, '')
        AND (COALESCE(d.mtime_ns, 0) > COALESCE(report.mtime_ns, 0)
             OR (COALESCE(d.mtime_ns, 0) = COALESCE(report.mtime_ns, 0)
                 AND d.source_path < report.source_path))))
  WHERE report_id = NEW.report_id
     OR (unit = NEW.unit AND year = NEW.year
         AND COALESCE(division_code, '') = COALESCE(NEW.division_code, ''))
     OR (unit = OLD.unit AND year = OLD.year
         AND COALESCE(division_code, '') = COALESCE(OLD.division_code, ''));
END;

CREATE TRIGGER report_counted_delete AFTER DELETE ON report
BEGIN
  UPDATE report SET counted = (
    status = 'loaded' AND NOT EXISTS (
      SELECT 1 FROM report d
      WHERE d.status = 'loaded' AND d.unit = report.unit AND d.year = report.year
        AND COALESCE(d.division_code, '') = COALESCE(report.division_code, '')
        AND (COALESCE(d.mtime_ns, 0) > COALESCE(report.mtime_ns, 0)
             OR (COALESCE(d.mtime_ns, 0) = COALESCE(report.mtime_ns, 0)
                 AND d.source_path < report.source_path))))
  WHERE unit = OLD.unit AND year = OLD.year
    AND COALESCE(division_code, '') = COALESCE(OLD.division_code, '');
END;
