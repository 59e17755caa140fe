-- The template's arithmetic per report: which units' reports do not add up.
CREATE VIEW mart_rule_results AS
SELECT r.county, r.unit, r.year, r.source_path, x.rule_key, x.subject,
       x.lhs_terms, x.rhs_terms, x.lhs, x.rhs, x.diff, x.status
FROM rule_result x
JOIN stg_report r ON r.report_id = x.report_id;
