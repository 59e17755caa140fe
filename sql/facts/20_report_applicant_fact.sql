-- Fills report_applicant_fact for the reports being loaded (:report_ids as in
-- 10_report_fact.sql): one row per report and 表三 column, the cells as reported or corrected
-- (the overlay of cell_correction as in 10_report_fact.sql), with the report's counted flag,
-- county, year and edition (schema v14: mart_applications_by_applicant groups this table alone).
WITH ids AS (
  SELECT report_id, unit, year, COALESCE(division_code, '') AS division_key, counted, county,
         edition
  FROM report
  WHERE status = 'loaded' AND report_id IN (:report_ids)
),
cells AS (
  SELECT c.report_id, c.table_code, c.row_code, c.col_code, c.source_line,
         CASE WHEN k.unit IS NULL THEN c.state WHEN k.value IS NULL THEN 'blank' ELSE 'number' END
           AS state,
         CASE WHEN k.unit IS NULL THEN c.value ELSE k.value END AS value,
         CASE WHEN k.unit IS NULL THEN 0 ELSE 1 END AS corrected,
         i.counted AS r_counted, i.county AS r_county, i.year AS r_year, i.edition AS r_edition
  FROM ids i
  JOIN cell c ON c.report_id = i.report_id
  LEFT JOIN cell_correction k
    ON k.division_code = i.division_key AND k.unit = i.unit AND k.year = i.year
   AND k.table_code = c.table_code AND k.row_code = c.row_code AND k.col_code = c.col_code
)
INSERT INTO report_applicant_fact (
  report_id, applicant, new_applications, carried_over, processed, carry_next, blank_cells,
  carried_line, carry_next_line, counted, county, year, edition)
SELECT c.report_id, c.col_code,
       CAST(SUM(CASE WHEN c.row_code = 'new' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'carried' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'total' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'carry_next' THEN c.value END) AS BIGINT),
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END),
       MAX(CASE WHEN c.row_code = 'carried' THEN c.source_line END),
       MAX(CASE WHEN c.row_code = 'carry_next' THEN c.source_line END),
       c.r_counted, c.r_county, c.r_year, c.r_edition
FROM cells c
WHERE c.table_code = 't3'
GROUP BY c.report_id, c.col_code, c.r_counted, c.r_county, c.r_year, c.r_edition;
