-- Schema v17 (PostgreSQL): less server work per batch for the same rows. Twin:
-- schema/sqlite/017_batch_refresh.sql (nothing to do there).
--
-- (1) report_counted_refresh_groups (v16) writes report only when a flag changes. Its UPDATE
-- used to run for every batch, and an UPDATE fires report's statement triggers even when it
-- changes no row: the counted, cross-year and applicant-fact triggers of v16 and the write
-- lock, each a plpgsql function reading transition tables, ~20 ms per batch of 256 new reports
-- (none of which changes a flag). The flags computed are the same.
--
-- (2) The cross-year results of every unit waiting in cross_year_request are recomputed by one
-- statement at commit instead of one function call per unit: the first deferred trigger to fire
-- takes every waiting unit out of cross_year_request and recomputes them together
-- (cross_year_refresh_units); the other firings find their unit gone and do nothing. The
-- results are the same rows: each unit's, from its counted reports of all years, as
-- cross_year_refresh (v13) computed them, which now calls cross_year_refresh_units.
CREATE OR REPLACE FUNCTION report_counted_refresh_groups(p_units TEXT[], p_years INTEGER[],
                                                         p_divisions TEXT[], p_ids BIGINT[])
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ids BIGINT[];
  flags INTEGER[];
BEGIN
  WITH grp AS (
    SELECT DISTINCT u, y, d FROM unnest(p_units, p_years, p_divisions) AS g(u, y, d)
    WHERE u IS NOT NULL AND y IS NOT NULL),
  members AS (
    SELECT x.report_id, x.status, x.unit, x.year, x.division_code, x.mtime_ns, x.source_path,
           x.counted
    FROM report x JOIN grp ON x.unit = grp.u AND x.year = grp.y
                          AND COALESCE(x.division_code, '') = grp.d
    UNION
    SELECT x.report_id, x.status, x.unit, x.year, x.division_code, x.mtime_ns, x.source_path,
           x.counted
    FROM report x WHERE x.report_id = ANY(p_ids)),
  v AS (
    SELECT report_id, counted,
           CASE WHEN status = 'loaded'
                 AND (unit IS NULL OR year IS NULL
                      OR row_number() OVER (PARTITION BY status, unit, year,
                                                         COALESCE(division_code, '')
                                            ORDER BY COALESCE(mtime_ns, 0) DESC,
                                                     source_path) = 1)
                THEN 1 ELSE 0 END AS c
    FROM members)
  SELECT array_agg(report_id), array_agg(c) INTO ids, flags
  FROM v WHERE counted IS DISTINCT FROM c;
  IF ids IS NOT NULL THEN
    UPDATE report r SET counted = n.c
    FROM unnest(ids, flags) AS n(report_id, c)
    WHERE r.report_id = n.report_id AND r.counted IS DISTINCT FROM n.c;
  END IF;
END $$;

-- The results of the units p_units (each unit's counted reports of all years), in one
-- statement. Under the report writers' advisory lock (012_counted.sql).
CREATE FUNCTION cross_year_refresh_units(p_units TEXT[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(29114442573373769);
  DELETE FROM report_cross_year_fact WHERE unit = ANY(p_units);
  INSERT INTO report_cross_year_fact (report_id, prev_report_id, unit, county, year, edition,
                                      rule_key, subject, lhs, rhs, status, lhs_line, rhs_line)
  WITH pair AS (
    SELECT r.report_id, p.report_id AS prev_report_id, r.unit, r.county, r.year, r.edition,
           p.edition AS prev_edition
    FROM report r
    JOIN report p
      ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
     AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
    WHERE r.unit = ANY(p_units) AND r.counted = 1)
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

CREATE OR REPLACE FUNCTION cross_year_refresh(p_unit TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cross_year_refresh_units(ARRAY[p_unit]);
END $$;

-- The first firing of the transaction (its unit still waiting) takes every waiting unit.
CREATE OR REPLACE FUNCTION cross_year_request_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  units TEXT[];
BEGIN
  DELETE FROM cross_year_request WHERE unit = NEW.unit;
  IF FOUND THEN
    WITH gone AS (DELETE FROM cross_year_request RETURNING unit)
    SELECT array_agg(DISTINCT unit) INTO units FROM gone;
    PERFORM cross_year_refresh_units(array_append(COALESCE(units, '{}'), NEW.unit));
  END IF;
  RETURN NULL;
END $$;
