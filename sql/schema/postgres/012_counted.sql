-- Schema v12 (PostgreSQL): report.counted, 1 for exactly the reports stg_report counts (loaded,
-- and of the loaded reports of one division, unit and year, the later-modified file; equal
-- times: the smallest path; a report without unit or year is alone in its group), 0 for the
-- others. Every mart reads stg_report, which before v12 paid a NOT EXISTS over report for every
-- row it returned. Twin: schema/sqlite/012_counted.sql.
--
-- Kept exact by triggers rather than by each loader path: whatever inserts, updates or deletes a
-- report row (a load or re-load, a failure replacing a report, pruning a removed file, a new
-- placement, a renamed path, --force, `gongkai correct`) has the flags of the group(s) the row
-- left and joined recomputed in the same transaction. The recomputation writes only counted,
-- which is not among the columns the UPDATE trigger watches, so it does not fire again.
-- Concurrent writers: before any statement writes report, the transaction takes the advisory
-- lock the batch writer already takes (pg_batch.cc, "gongkaI"), held until commit, so one
-- transaction at a time changes report rows, and a recomputation (a new snapshot per statement)
-- sees every committed member of its group.
ALTER TABLE report ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
UPDATE report r SET counted = 1
WHERE r.status = 'loaded'
  AND NOT EXISTS (
    SELECT 1 FROM report d
    WHERE d.status = 'loaded' AND d.unit = r.unit AND d.year = r.year
      AND COALESCE(d.division_code, '') = COALESCE(r.division_code, '')
      AND (COALESCE(d.mtime_ns, 0) > COALESCE(r.mtime_ns, 0)
           OR (COALESCE(d.mtime_ns, 0) = COALESCE(r.mtime_ns, 0)
               AND d.source_path < r.source_path)));

-- The flags of one group (unit, year, division), and of the row p_id (alone in its group when
-- its unit or year is NULL); only the rows whose flag changes are written.
CREATE FUNCTION report_counted_refresh(p_unit TEXT, p_year INTEGER, p_division TEXT,
                                       p_id BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report r SET counted = v.c
  FROM (SELECT g.report_id,
               CASE WHEN g.status = 'loaded' AND NOT EXISTS (
                      SELECT 1 FROM report d
                      WHERE d.status = 'loaded' AND d.unit = g.unit AND d.year = g.year
                        AND COALESCE(d.division_code, '') = COALESCE(g.division_code, '')
                        AND (COALESCE(d.mtime_ns, 0) > COALESCE(g.mtime_ns, 0)
                             OR (COALESCE(d.mtime_ns, 0) = COALESCE(g.mtime_ns, 0)
                                 AND d.source_path < g.source_path)))
                    THEN 1 ELSE 0 END AS c
        FROM report g
        WHERE g.report_id = p_id
           OR (g.unit = p_unit AND g.year = p_year
               AND COALESCE(g.division_code, '') = COALESCE(p_division, ''))) v
  WHERE r.report_id = v.report_id AND r.counted IS DISTINCT FROM v.c;
END $$;

CREATE FUNCTION report_counted_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_counted_refresh(OLD.unit, OLD.year, OLD.division_code, NULL);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_counted_refresh(NEW.unit, NEW.year, NEW.division_code, NEW.report_id);
  END IF;
  RETURN NULL;
END $$;

-- 29114442573373769 = 0x676f6e676b6149 ("gongkaI"), kReportIdLock of pg_batch.cc.
CREATE FUNCTION report_write_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(29114442573373769);
  RETURN NULL;
END $$;

CREATE TRIGGER report_write_lock BEFORE INSERT OR UPDATE OR DELETE ON report
  FOR EACH STATEMENT EXECUTE FUNCTION report_write_lock();
CREATE TRIGGER report_counted_insert AFTER INSERT ON report
  FOR EACH ROW EXECUTE FUNCTION report_counted_sync();
CREATE TRIGGER report_counted_update
  AFTER UPDATE OF status, unit, year, division_code, mtime_ns, source_path ON report
  FOR EACH ROW EXECUTE FUNCTION report_counted_sync();
CREATE TRIGGER report_counted_delete AFTER DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION report_counted_sync();
