-- 依申请公开 in long form: one row per county, year and applicant column (incl. 总计), for
-- dashboards that pivot by applicant type (from report_applicant_fact).
CREATE VIEW mart_applications_by_applicant AS
SELECT r.county, r.year, a.applicant, MIN(d.label_zh) AS applicant_label,
       COUNT(*) AS reports,
       CAST(SUM(a.new_applications) AS BIGINT) AS new_applications,
       CAST(SUM(a.carried_over) AS BIGINT) AS carried_over,
       CAST(SUM(a.processed) AS BIGINT) AS processed,
       CAST(SUM(a.carry_next) AS BIGINT) AS carry_next,
       CAST(SUM(a.blank_cells) AS BIGINT) AS blank_cells
FROM stg_report r
JOIN report_applicant_fact a ON a.report_id = r.report_id
LEFT JOIN dim_col d
  ON d.edition = r.edition AND d.table_code = 't3' AND d.col_code = a.applicant
GROUP BY r.county, r.year, a.applicant;
