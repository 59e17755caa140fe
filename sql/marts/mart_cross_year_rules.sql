-- Checks across two consecutive years of one unit, counted per year, template edition, rule,
-- subject and status: how many results (one per counted report, rule and subject whose unit
-- has a counted report of the year before: same unit name and county) pass, fail, or cannot be
-- assessed (an operand blank). The dashboard's "how often does last year's 结转 not match this
-- year's 上年结转"; the results themselves, with the reports, cells, values and source lines,
-- are in stg_cross_year_result. Read from report_cross_year_fact (schema v13: one row per
-- result, kept per unit inside the load transaction), grouped along its index (year, edition,
-- rule_key, subject, status): 420,847 results at 100,000 reports become a few hundred rows.
--   xyear.carried (subject: an applicant column of 表三, or total): this year's 上年结转 =
--     last year's 结转下年度继续办理;
--   xyear.in_force (subject a1_regulation | a1_normative; both years of the 2021 edition):
--     last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 = this year's
--     现行有效件数.
-- rule_label, subject_label (the 表三 column or 表二 row) and status_label are Chinese labels.
CREATE VIEW mart_cross_year_rules AS
SELECT f.year, f.edition, f.rule_key, rl.label_zh AS rule_label, f.subject,
       COALESCE(sc.label_zh, sr.label_zh) AS subject_label, f.status,
       sl.label_zh AS status_label, CAST(f.results AS BIGINT) AS results
FROM (SELECT year, edition, rule_key, subject, status, COUNT(*) AS results
      FROM report_cross_year_fact
      GROUP BY year, edition, rule_key, subject, status) f
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = f.rule_key
LEFT JOIN dim_code sl ON sl.code_kind = 'rule_status' AND sl.code = f.status
LEFT JOIN dim_col sc
  ON f.rule_key = 'xyear.carried' AND sc.edition = f.edition AND sc.table_code = 't3'
 AND sc.col_code = f.subject
LEFT JOIN dim_row sr
  ON f.rule_key = 'xyear.in_force' AND sr.edition = f.edition AND sr.table_code = 't2'
 AND sr.row_code = f.subject;
