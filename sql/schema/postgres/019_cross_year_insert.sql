-- Schema v19 (PostgreSQL): the cross-year results computed by one function. Twin:
-- schema/sqlite/019_cross_year_insert.sql (nothing to do there).
--
-- v17's cross_year_refresh_units (a unit's every result) and v18's cross_year_refresh_reports
-- (the results a batch's reports are part of) each held the same INSERT of the two rules
-- (xyear.carried, xyear.in_force) over their pairs: a change to a rule had to be made twice.
-- Now both call cross_year_insert_pairs, which computes the pairs of the units p_units, all of
-- them (p_ids NULL) or those one of whose two reports is in p_ids. The rows are the same.
CREATE FUNCTION cross_year_insert_pairs(p_units TEXT[], p_ids BIGINT[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  INSERT INTO report_cross_year_fact (report_id, prev_report_id, unit, county, year, edition,
                                      rule_key, subject, lhs, rhs, status, lhs_line, rhs_line)
  WITH pair AS (
    SELECT r.report_id, p.report_id AS prev_report_id, r.unit, r.county, r.year, r.edition,
           p.edition AS prev_edition
    FROM report r
    JOIN report p
      ON p.unit = r.unit AND p.year = r.year - 1 AND p.counted = 1
     AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
    WHERE r.unit = ANY(p_units) AND r.counted = 1
      AND (p_ids IS NULL OR r.report_id = ANY(p_ids) OR p.report_id = ANY(p_ids)))
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

-- v17's function, its INSERT now the one above.
CREATE OR REPLACE FUNCTION cross_year_refresh_units(p_units TEXT[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(29114442573373769);
  DELETE FROM report_cross_year_fact WHERE unit = ANY(p_units);
  PERFORM cross_year_insert_pairs(p_units, NULL);
END $$;

-- v18's function, its INSERT now the one above.
CREATE OR REPLACE FUNCTION cross_year_refresh_reports(p_ids BIGINT[], p_units TEXT[])
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
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
  PERFORM cross_year_insert_pairs(units, ids);
END $$;
