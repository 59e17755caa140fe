-- 依申请公开 in long form: one row per county, year and applicant column (incl. 总计), for
-- dashboards that pivot by applicant type, from report_applicant_fact alone: its rows of the
-- counted reports carry their county, year and edition (schema v14), so the grouping follows
-- the covering index report_applicant_fact_county without a join or a sort.
-- applicant_label is the column's label in the editions of the year's reports (the same in
-- both), looked up once per output row rather than once per report.
CREATE VIEW mart_applications_by_applicant AS
SELECT s.county, s.year, s.applicant,
       (SELECT MIN(d.label_zh) FROM dim_col d
         WHERE d.table_code = 't3' AND d.col_code = s.applicant
           AND d.edition BETWEEN s.min_edition AND s.max_edition) AS applicant_label,
       s.reports, s.new_applications, s.carried_over, s.processed, s.carry_next, s.blank_cells
FROM (SELECT a.county, a.year, a.applicant, MIN(a.edition) AS min_edition,
             MAX(a.edition) AS max_edition, COUNT(*) AS reports,
             CAST(SUM(a.new_applications) AS BIGINT) AS new_applications,
             CAST(SUM(a.carried_over) AS BIGINT) AS carried_over,
             CAST(SUM(a.processed) AS BIGINT) AS processed,
             CAST(SUM(a.carry_next) AS BIGINT) AS carry_next,
             CAST(SUM(a.blank_cells) AS BIGINT) AS blank_cells
      FROM report_applicant_fact a
      WHERE a.counted = 1
      GROUP BY a.county, a.year, a.applicant) s;
