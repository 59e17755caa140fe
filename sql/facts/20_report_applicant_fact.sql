-- Fills report_applicant_fact for the reports being loaded (:report_ids as in
-- 10_report_fact.sql): one row per report and 表三 column, the cells as reported.
WITH ids AS (
  SELECT report_id FROM report
  WHERE status = 'loaded' AND report_id IN (:report_ids)
)
INSERT INTO report_applicant_fact (
  report_id, applicant, new_applications, carried_over, processed, carry_next, blank_cells,
  carried_line, carry_next_line)
SELECT c.report_id, c.col_code,
       CAST(SUM(CASE WHEN c.row_code = 'new' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'carried' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'total' THEN c.value END) AS BIGINT),
       CAST(SUM(CASE WHEN c.row_code = 'carry_next' THEN c.value END) AS BIGINT),
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END),
       MAX(CASE WHEN c.row_code = 'carried' THEN c.source_line END),
       MAX(CASE WHEN c.row_code = 'carry_next' THEN c.source_line END)
FROM cell c
WHERE c.report_id IN (SELECT report_id FROM ids) AND c.table_code = 't3'
GROUP BY c.report_id, c.col_code;
