-- Rule results per report: the template's arithmetic (t3.*, t4.*) and the prose-versus-table
-- checks (narrative.*: source_line is the line of the statement, lhs_terms its text). Which
-- units' reports do not add up, or say one thing in words and another in the table.
-- Cross-year checks are in mart_cross_year_rules. One row per rule instance of every report
-- (about 40 a report: 4 million rows at 100,000 reports). rule_label and status_label are the
-- codes' Chinese labels (dim_code). lhs, rhs and diff are integers: every rule adds counts
-- (件), and a count cell that is not a whole number is never stored as a number (not_integer).
CREATE VIEW mart_rule_results AS
SELECT r.county, r.unit, r.year, r.source_path, x.rule_key, x.subject,
       x.lhs_terms, x.rhs_terms, CAST(x.lhs AS BIGINT) AS lhs, CAST(x.rhs AS BIGINT) AS rhs,
       CAST(x.diff AS BIGINT) AS diff, x.status, x.source_line,
       rl.label_zh AS rule_label, sl.label_zh AS status_label
FROM rule_result x
JOIN stg_report r ON r.report_id = x.report_id
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = x.rule_key
LEFT JOIN dim_code sl ON sl.code_kind = 'rule_status' AND sl.code = x.status;
