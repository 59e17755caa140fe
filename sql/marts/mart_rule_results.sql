-- Rule results counted per year, template edition, rule and status, over the counted reports
-- (stg_report): how many rule instances (results: one per subject, e.g. each 表三 column) and
-- how many reports (reports: those with at least one result of that rule and status) pass,
-- fail, or cannot be assessed (an operand blank). The dashboard's "which checks fail, and how
-- often"; the instances themselves, with the report, cells and source lines, are in
-- stg_rule_result. Read from report_rule_fact (per report, rule and status, filled at load):
-- the counts of every loaded report, less those of the loaded reports stg_report does not count
-- (another file of the same unit-year counts: report.counted = 0), so the fact rows (~6 a
-- report) are grouped along their index, and only reports whose unit and year occur more than
-- once (found in the index report_unit_year) are looked at. (CROSS JOIN keeps SQLite's join
-- order: the few candidates first, then their facts.) rule_label and status_label are the
-- codes' Chinese labels (dim_code).
CREATE VIEW mart_rule_results AS
SELECT a.year, a.edition, a.rule_key, rl.label_zh AS rule_label, a.status,
       sl.label_zh AS status_label,
       CAST(a.reports - COALESCE(d.reports, 0) AS BIGINT) AS reports,
       CAST(a.results - COALESCE(d.results, 0) AS BIGINT) AS results
FROM (SELECT year, edition, rule_key, status, COUNT(*) AS reports, SUM(results) AS results
      FROM report_rule_fact
      GROUP BY year, edition, rule_key, status) a
LEFT JOIN (SELECT f.year, f.edition, f.rule_key, f.status, COUNT(*) AS reports,
                  SUM(f.results) AS results
           FROM (SELECT unit, year FROM report GROUP BY unit, year HAVING COUNT(*) > 1) g
           CROSS JOIN report u
           CROSS JOIN report_rule_fact f
           WHERE u.unit = g.unit AND u.year = g.year AND f.report_id = u.report_id
             AND u.status = 'loaded'
             AND u.counted = 0
           GROUP BY f.year, f.edition, f.rule_key, f.status) d
  ON d.year = a.year AND d.edition = a.edition AND d.rule_key = a.rule_key
 AND d.status = a.status
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = a.rule_key
LEFT JOIN dim_code sl ON sl.code_kind = 'rule_status' AND sl.code = a.status
WHERE a.reports > COALESCE(d.reports, 0);
