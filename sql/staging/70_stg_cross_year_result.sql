-- Oversight checks across two consecutive years of one unit (same unit name and county; the
-- year before is the unit's counted report for year - 1), one row per rule instance where both
-- years are counted, for analysts who filter it (by unit, county, year, report_id: each has an
-- index); dashboards read the counts in mart_cross_year_rules. Read from report_cross_year_fact
-- (schema v13: stored, kept per unit inside the load transaction):
--   xyear.carried (subject: an applicant column of 表三, or total): this year's 上年结转 =
--     last year's 结转下年度继续办理;
--   xyear.in_force (subject a1_regulation | a1_normative; both years of the 2021 edition):
--     last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 = this year's
--     现行有效件数.
-- status is pass / fail, or not_assessable when an operand is blank (never taken as 0);
-- lhs_line / rhs_line are the source lines of the 表三 cells compared (xyear.carried);
-- rule_label and subject_label (the 表三 column or 表二 row) are the codes' Chinese labels.
CREATE VIEW stg_cross_year_result AS
SELECT f.county, f.unit, f.year, f.report_id, r.source_path, p.source_path AS prev_source_path,
       f.rule_key, f.subject,
       CASE WHEN f.rule_key = 'xyear.carried' THEN 't3.carried.' || f.subject
            ELSE 'prev.t2.' || f.subject || '.in_force + t2.' || f.subject || '.issued - t2.'
                 || f.subject || '.abolished' END AS lhs_terms,
       CASE WHEN f.rule_key = 'xyear.carried' THEN 'prev.t3.carry_next.' || f.subject
            ELSE 't2.' || f.subject || '.in_force' END AS rhs_terms,
       f.lhs, f.rhs, f.lhs - f.rhs AS diff, f.status, f.lhs_line, f.rhs_line,
       rl.label_zh AS rule_label, COALESCE(sc.label_zh, sr.label_zh) AS subject_label
FROM report_cross_year_fact f
JOIN report r ON r.report_id = f.report_id
JOIN report p ON p.report_id = f.prev_report_id
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = f.rule_key
LEFT JOIN dim_col sc
  ON f.rule_key = 'xyear.carried' AND sc.edition = f.edition AND sc.table_code = 't3'
 AND sc.col_code = f.subject
LEFT JOIN dim_row sr
  ON f.rule_key = 'xyear.in_force' AND sr.edition = f.edition AND sr.table_code = 't2'
 AND sr.row_code = f.subject;
