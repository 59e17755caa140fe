-- Schema v18 (PostgreSQL): a load batch recomputes the cross-year results of its own reports,
-- not of their units' every year. Twin: schema/sqlite/018_cross_year_batch.sql (nothing to do
-- there).
--
-- Until v17 the batch writer (loaders/pg_batch.cc) recomputed every result of each unit its
-- reports belong to (cross_year_refresh_units): loading a unit's third year deleted and
-- inserted again the results of its first two, which nothing had changed. At 100,000 reports
-- (three years per unit) a third of the rows the statement wrote were such copies, and it was
-- the batch's second-costliest statement after the COPYs. A new or re-loaded report changes
-- only the results it is part of, as this year (report_id) or as the year before
-- (prev_report_id); everything else that moves a unit's results (a counted flag that changes, a
-- report that moves unit, year, county or edition or goes, a correction's refill) still asks
-- for the whole unit through cross_year_request (v13, v16), and those units are recomputed
-- whole, as before. The rows are the same: a result pairs two counted reports of one unit
-- (report.counted = 1, years y - 1 and y, the same county), and every pair the batch's reports
-- are part of is deleted and computed again from the facts just written.
--
-- cross_year_refresh_reports(p_ids, p_units): the units p_units whole
-- (cross_year_refresh_units), then, for the reports p_ids outside those units, the results they
-- are part of. Under the report writers' advisory lock (012_counted.sql).
CREATE FUNCTION cross_year_refresh_reports(p_ids BIGINT[], p_units TEXT[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ids BIGINT[];
  units TEXT[];
BEGIN
  PERFORM pg_advisory_xact_lock(29114442573373769);
  IF cardinality(p_units) > 0 THEN
    PERFORM cross_year_refresh_units(p_units);
  END IF;
  SELECT array_agg(report_id), array_agg(DISTINCT unit) INTO ids, units
  FROM report WHERE report_id = ANY(p_ids) AND unit IS NOT NULL
                AND NOT unit = ANY(COALESCE(p_units, '{}'));
  IF ids IS NULL THEN
    RETURN;
  END IF;
  -- A result's unit is its reports' unit: a report that left a unit asked for the old one whole.
  DELETE FROM report_cross_year_fact
  WHERE unit = ANY(units) AND (report_id = ANY(ids) OR prev_report_id = ANY(ids));
  INSERT INTO report_cross_year_fact (report_id, prev_report_id, unit, county, year, edition,
                                      rule_key, subject, lhs, rhs, status, lhs_line, rhs_line)
  WITH pair AS (
    SELECT r.report_id, p.report_id AS prev_report_id, r.unit, r.county, r.year, r.edition,
           p.edition AS prev_edition
    FROM report r
    JOIN report p
      ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
     AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
    WHERE r.unit = ANY(units) AND r.counted = 1
      AND (r.report_id = ANY(ids) OR p.report_id = ANY(ids)))
  SELECT x.report_id, x.prev_report_id, x.unit, x.county, x.year, x.edition, 'xyear.carried',
         a.applicant, a.carried_over, b.carry_next,
         CASE WHEN a.carried_over IS NULL OR b.carry_next IS NULL THEN 'not_assessable'
              WHEN a.carried_over = b.carry_next THEN 'pass' ELSE 'fail' END,
         a.carried_line, b.carry_next_line
  FROM pair x
  JOIN report_applicant_fact a ON a.report_id = x.report_id
  JOIN report_applicant_fact b ON b.report_id = x.prev_report_id AND b.applicant = a.applicant
  UNION ALL
  SELECT x.report_id, x.prev_report_id, x.unit, x.county, x.year, x.edition, 'xyear.in_force',
         s.subject, s.prev_in_force + s.issued - s.abolished, s.in_force,
         CASE WHEN s.prev_in_force IS NULL OR s.issued IS NULL OR s.abolished IS NULL
                OR s.in_force IS NULL THEN 'not_assessable'
              WHEN s.prev_in_force + s.issued - s.abolished = s.in_force THEN 'pass'
              ELSE 'fail' END,
         NULL, NULL
  FROM pair x
  JOIN report_fact c ON c.report_id = x.report_id
  JOIN report_fact pc ON pc.report_id = x.prev_report_id
  CROSS JOIN LATERAL (VALUES
    ('a1_regulation', pc.regulation_in_force, c.regulation_issued, c.regulation_abolished,
     c.regulation_in_force),
    ('a1_normative', pc.normative_in_force, c.normative_issued, c.normative_abolished,
     c.normative_in_force)) AS s(subject, prev_in_force, issued, abolished, in_force)
  WHERE x.edition = 2021 AND x.prev_edition = 2021;
END $$;
