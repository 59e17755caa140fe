-- Rule results per report: the template's arithmetic (t3.*, t4.*) and the prose-versus-table
-- checks (narrative.*: source_line is the line of the statement, lhs_terms its text). Which
-- units' reports do not add up, or say one thing in words and another in the table.
-- Cross-year checks are in mart_cross_year_rules.
CREATE VIEW mart_rule_results AS
SELECT r.county, r.unit, r.year, r.source_path, x.rule_key, x.subject,
       x.lhs_terms, x.rhs_terms, x.lhs, x.rhs, x.diff, x.status, x.source_line
FROM rule_result x
JOIN stg_report r ON r.report_id = x.report_id;
