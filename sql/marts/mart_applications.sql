-- 依申请公开 by county and year: new and carried-over applications, new applications per
-- applicant type, and outcomes per outcome group, summed over the county's reports from
-- report_fact (each report's 总计, or the sum of its parts where 总计 is blank:
-- reports_sum_of_parts counts the reports concerned; see mart_unit_year.total_source).
CREATE VIEW mart_applications AS
SELECT r.county, r.year, COUNT(*) AS reports,
       CAST(SUM(f.new_total) AS BIGINT) AS new_total,
       CAST(SUM(f.carried_total) AS BIGINT) AS carried_total,
       CAST(SUM(f.new_natural) AS BIGINT) AS new_natural,
       CAST(SUM(f.new_commercial) AS BIGINT) AS new_commercial,
       CAST(SUM(f.new_research) AS BIGINT) AS new_research,
       CAST(SUM(f.new_social) AS BIGINT) AS new_social,
       CAST(SUM(f.new_legal) AS BIGINT) AS new_legal,
       CAST(SUM(f.new_other) AS BIGINT) AS new_other,
       CAST(SUM(f.outcome_open) AS BIGINT) AS outcome_open,
       CAST(SUM(f.outcome_partial) AS BIGINT) AS outcome_partial,
       CAST(SUM(f.outcome_denied) AS BIGINT) AS outcome_denied,
       CAST(SUM(f.outcome_cannot_provide) AS BIGINT) AS outcome_cannot_provide,
       CAST(SUM(f.outcome_not_processed) AS BIGINT) AS outcome_not_processed,
       CAST(SUM(f.outcome_other) AS BIGINT) AS outcome_other,
       CAST(SUM(f.outcome_total) AS BIGINT) AS outcome_total,
       CAST(SUM(f.carry_next) AS BIGINT) AS carry_next,
       CAST(COALESCE(SUM(f.t3_blank_cells), 0) AS BIGINT) AS blank_cells,
       CAST(SUM(CASE WHEN f.total_source = 'sum_of_parts' THEN 1 ELSE 0 END) AS BIGINT)
         AS reports_sum_of_parts
FROM stg_report r
LEFT JOIN report_fact f ON f.report_id = r.report_id
GROUP BY r.county, r.year;
