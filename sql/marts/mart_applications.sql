-- 依申请公开 by county and year: new and carried-over applications (总计 column), new
-- applications per applicant type, and outcomes (总计 column) per outcome group.
CREATE VIEW mart_applications AS
SELECT g.county, g.year, g.reports,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'total' THEN c.value END) AS new_total,
       SUM(CASE WHEN c.row_code = 'carried' AND c.col_code = 'total' THEN c.value END) AS carried_total,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'natural' THEN c.value END) AS new_natural,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'commercial' THEN c.value END) AS new_commercial,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'research' THEN c.value END) AS new_research,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'social' THEN c.value END) AS new_social,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'legal' THEN c.value END) AS new_legal,
       SUM(CASE WHEN c.row_code = 'new' AND c.col_code = 'other' THEN c.value END) AS new_other,
       SUM(CASE WHEN c.row_code = 'open' AND c.col_code = 'total' THEN c.value END) AS outcome_open,
       SUM(CASE WHEN c.row_code = 'partial' AND c.col_code = 'total' THEN c.value END) AS outcome_partial,
       SUM(CASE WHEN c.row_code LIKE 'deny%' AND c.col_code = 'total' THEN c.value END) AS outcome_denied,
       SUM(CASE WHEN c.row_code LIKE 'cannot%' AND c.col_code = 'total' THEN c.value END) AS outcome_cannot_provide,
       SUM(CASE WHEN c.row_code LIKE 'noproc%' AND c.col_code = 'total' THEN c.value END) AS outcome_not_processed,
       SUM(CASE WHEN (c.row_code = 'other' OR c.row_code LIKE 'other%') AND c.col_code = 'total'
                THEN c.value END) AS outcome_other,
       SUM(CASE WHEN c.row_code = 'total' AND c.col_code = 'total' THEN c.value END) AS outcome_total,
       SUM(CASE WHEN c.row_code = 'carry_next' AND c.col_code = 'total' THEN c.value END) AS carry_next,
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blank_cells
FROM stg_county_year g
LEFT JOIN stg_cell c
  ON c.year = g.year
 AND (c.county = g.county OR (c.county IS NULL AND g.county IS NULL))
 AND c.table_code = 't3'
GROUP BY g.county, g.year, g.reports;
