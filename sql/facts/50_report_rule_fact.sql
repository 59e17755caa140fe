-- Fills report_rule_fact for the reports being loaded (:report_ids as in 10_report_fact.sql):
-- per report, rule and status, how many of its rule_result rows (one per subject) have it.
INSERT INTO report_rule_fact (report_id, rule_key, status, year, edition, results)
SELECT r.report_id, x.rule_key, x.status, r.year, r.edition, COUNT(*)
FROM report r
JOIN rule_result x ON x.report_id = r.report_id
WHERE r.status = 'loaded' AND r.report_id IN (:report_ids)
GROUP BY r.report_id, x.rule_key, x.status, r.year, r.edition;
