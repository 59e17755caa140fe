-- Every rule result of every counted report (stg_report), one row per rule instance (about 40
-- a report: 4 million rows at 100,000 reports), for analysts who filter it (by unit, year,
-- rule_key, status): the template's arithmetic (t3.*, t4.*) and the prose-versus-table checks
-- (narrative.*: source_line is the line of the statement, lhs_terms its text). Which units'
-- reports do not add up, or say one thing in words and another in the table. Dashboards read
-- the counts in mart_rule_results; cross-year checks are in stg_cross_year_result and mart_cross_year_rules. rule_label
-- and status_label are the codes' Chinese labels (dim_code). lhs, rhs and diff are integers:
-- every rule adds counts (件), and a count cell that is not a whole number is never stored as a
-- number (not_integer).
CREATE VIEW stg_rule_result AS
SELECT r.county, r.unit, r.year, r.edition, r.report_id, r.source_path, x.rule_key, x.subject,
       x.lhs_terms, x.rhs_terms, CAST(x.lhs AS BIGINT) AS lhs, CAST(x.rhs AS BIGINT) AS rhs,
       CAST(x.diff AS BIGINT) AS diff, x.status, x.source_line,
       rl.label_zh AS rule_label, sl.label_zh AS status_label,
       r.division_code, r.county_code, r.prefecture_code, r.province_code
FROM rule_result x
JOIN stg_report r ON r.report_id = x.report_id
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = x.rule_key
LEFT JOIN dim_code sl ON sl.code_kind = 'rule_status' AND sl.code = x.status;
