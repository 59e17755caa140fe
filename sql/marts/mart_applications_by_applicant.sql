-- 依申请公开 in long form: one row per county, year and applicant column (incl. 总计), for
-- dashboards that pivot by applicant type.
CREATE VIEW mart_applications_by_applicant AS
SELECT c.county, c.year, c.col_code AS applicant, MIN(c.col_label) AS applicant_label,
       COUNT(DISTINCT c.report_id) AS reports,
       SUM(CASE WHEN c.row_code = 'new' THEN c.value END) AS new_applications,
       SUM(CASE WHEN c.row_code = 'carried' THEN c.value END) AS carried_over,
       SUM(CASE WHEN c.row_code = 'total' THEN c.value END) AS processed,
       SUM(CASE WHEN c.row_code = 'carry_next' THEN c.value END) AS carry_next,
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blank_cells
FROM stg_cell c
WHERE c.table_code = 't3'
GROUP BY c.county, c.year, c.col_code;
