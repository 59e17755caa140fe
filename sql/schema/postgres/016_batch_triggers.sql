-- Schema v16 (PostgreSQL): the report triggers of v12 (counted), v13 (cross-year requests) and
-- v14 (the applicant facts' copies) run once per statement over its transition tables instead
-- of once per row, and a unit's cross-year results are recomputed once per transaction, at
-- commit. A load writes a whole batch of reports in one statement (loaders/pg_batch.cc): per
-- row, the counted refresh was planned and run 10,000 times for 10,000 reports (5 of the 41 s
-- the server spent on a 10,000-report load), and each new unit's results were computed twice,
-- once when its report started counting (before the batch's facts were written, so for
-- nothing) and once for sql/facts/60_cross_year.sql. Twin: schema/sqlite/016_batch_triggers.sql
-- (nothing to do there).
--
-- Same rules as before, for every writer (a load, review, correct, a new placement, pruning,
-- migrations, SQL by hand): the groups (unit, year, division) every inserted or deleted row,
-- and every updated row whose status, unit, year, division_code, mtime_ns or source_path
-- changed, left or joined get their flags again (012_counted.sql); a counted report that moves,
-- starts or stops counting, or goes requests its units (013_cross_year_fact.sql); a report whose
-- counted, county, year or edition changed has them copied into report_applicant_fact
-- (014_applicant_fact_place.sql). An UPDATE that changes none of the watched columns (the
-- refresh's own write of counted, for the counted trigger) finds no rows and does nothing.
-- Concurrent writers: unchanged, report_write_lock (v12) serialises the transactions that write
-- report, and each statement below reads a snapshot taken after it.
DROP TRIGGER report_counted_insert ON report;
DROP TRIGGER report_counted_update ON report;
DROP TRIGGER report_counted_delete ON report;
DROP TRIGGER report_cross_year_update ON report;
DROP TRIGGER report_cross_year_delete ON report;
DROP TRIGGER report_applicant_fact_place ON report;
DROP TRIGGER cross_year_request_refresh ON cross_year_request;

-- The flags of the groups of the rows in arrays (unit, year, division key) and of the rows
-- p_ids (alone in their group when their unit or year is NULL), in one statement: in each
-- group, the loaded report with the latest mtime_ns (NULL as 0), equal times the smallest
-- source_path, counts. Only the rows whose flag changes are written.
CREATE FUNCTION report_counted_refresh_groups(p_units TEXT[], p_years INTEGER[],
                                              p_divisions TEXT[], p_ids BIGINT[])
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  WITH grp AS (
    SELECT DISTINCT u, y, d FROM unnest(p_units, p_years, p_divisions) AS g(u, y, d)
    WHERE u IS NOT NULL AND y IS NOT NULL),
  members AS (
    SELECT x.report_id, x.status, x.unit, x.year, x.division_code, x.mtime_ns, x.source_path
    FROM report x JOIN grp ON x.unit = grp.u AND x.year = grp.y
                          AND COALESCE(x.division_code, '') = grp.d
    UNION
    SELECT x.report_id, x.status, x.unit, x.year, x.division_code, x.mtime_ns, x.source_path
    FROM report x WHERE x.report_id = ANY(p_ids)),
  v AS (
    SELECT report_id,
           CASE WHEN status = 'loaded'
                 AND (unit IS NULL OR year IS NULL
                      OR row_number() OVER (PARTITION BY status, unit, year,
                                                         COALESCE(division_code, '')
                                            ORDER BY COALESCE(mtime_ns, 0) DESC,
                                                     source_path) = 1)
                THEN 1 ELSE 0 END AS c
    FROM members)
  UPDATE report r SET counted = v.c FROM v
  WHERE r.report_id = v.report_id AND r.counted IS DISTINCT FROM v.c;
END $$;

-- INSERT: the new rows' groups; DELETE: the old rows' groups; UPDATE: both, of the rows whose
-- watched columns changed (report_id is never updated).
CREATE FUNCTION report_counted_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units TEXT[];
  years INTEGER[];
  divisions TEXT[];
  ids BIGINT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(unit), array_agg(year), array_agg(COALESCE(division_code, '')),
           array_agg(report_id)
    INTO units, years, divisions, ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(unit), array_agg(year), array_agg(COALESCE(division_code, ''))
    INTO units, years, divisions FROM old_rows;
    ids := '{}';
  ELSE
    WITH changed AS (
      SELECT o.unit AS ou, o.year AS oy, o.division_code AS od,
             n.unit AS nu, n.year AS ny, n.division_code AS nd, n.report_id
      FROM old_rows o JOIN new_rows n ON n.report_id = o.report_id
      WHERE (o.status, o.unit, o.year, o.division_code, o.mtime_ns, o.source_path)
            IS DISTINCT FROM
            (n.status, n.unit, n.year, n.division_code, n.mtime_ns, n.source_path))
    SELECT array_agg(u), array_agg(y), array_agg(d),
           array_agg(i) FILTER (WHERE i IS NOT NULL)
    INTO units, years, divisions, ids
    FROM (SELECT ou AS u, oy AS y, COALESCE(od, '') AS d, NULL::BIGINT AS i FROM changed
          UNION ALL
          SELECT nu, ny, COALESCE(nd, ''), report_id FROM changed) g;
  END IF;
  IF units IS NOT NULL THEN
    PERFORM report_counted_refresh_groups(units, years, divisions, COALESCE(ids, '{}'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER report_counted_insert AFTER INSERT ON report
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_counted_sync_rows();
CREATE TRIGGER report_counted_update AFTER UPDATE ON report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_counted_sync_rows();
CREATE TRIGGER report_counted_delete AFTER DELETE ON report
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_counted_sync_rows();

-- Cross-year requests: one row per unit waiting in the transaction (the probe below and in
-- sql/facts/60_cross_year.sql skip a unit already waiting), recomputed at commit by a deferred
-- trigger, when every fact of the transaction is written, and deleted.
CREATE INDEX cross_year_request_unit ON cross_year_request (unit);

CREATE OR REPLACE FUNCTION cross_year_request_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cross_year_request WHERE unit = NEW.unit;
  IF FOUND THEN
    PERFORM cross_year_refresh(NEW.unit);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER cross_year_request_refresh AFTER INSERT ON cross_year_request
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION cross_year_request_refresh();

-- A counted report that moves (unit, year, county, edition), starts or stops counting, or
-- goes: the unit it left and the one it joined.
CREATE FUNCTION report_cross_year_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO cross_year_request (unit)
    SELECT DISTINCT o.unit FROM old_rows o
    WHERE o.counted = 1 AND o.unit IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cross_year_request q WHERE q.unit = o.unit);
  ELSE
    INSERT INTO cross_year_request (unit)
    SELECT DISTINCT u FROM (
      SELECT o.unit AS ou, n.unit AS nu
      FROM old_rows o JOIN new_rows n ON n.report_id = o.report_id
      WHERE (o.counted = 1 OR n.counted = 1)
        AND (o.counted, o.unit, o.year, o.county, o.edition)
            IS DISTINCT FROM (n.counted, n.unit, n.year, n.county, n.edition)) c,
      LATERAL (VALUES (c.ou), (c.nu)) AS v(u)
    WHERE u IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cross_year_request q WHERE q.unit = v.u);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cross_year_update AFTER UPDATE ON report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_cross_year_sync_rows();
CREATE TRIGGER report_cross_year_delete AFTER DELETE ON report
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_cross_year_sync_rows();

-- report_applicant_fact's copies of counted, county, year and edition, for the updated reports
-- whose values changed.
CREATE FUNCTION report_applicant_fact_place_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_applicant_fact a
  SET counted = n.counted, county = n.county, year = n.year, edition = n.edition
  FROM old_rows o JOIN new_rows n ON n.report_id = o.report_id
  WHERE a.report_id = n.report_id
    AND (o.counted, o.county, o.year, o.edition)
        IS DISTINCT FROM (n.counted, n.county, n.year, n.edition);
  RETURN NULL;
END $$;
CREATE TRIGGER report_applicant_fact_place AFTER UPDATE ON report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_applicant_fact_place_rows();

-- The functions the dropped row triggers ran (no longer called by any trigger).
DROP FUNCTION report_counted_sync();
DROP FUNCTION report_cross_year_sync();
DROP FUNCTION report_applicant_fact_place();
DROP FUNCTION report_counted_refresh(TEXT, INTEGER, TEXT, BIGINT);
