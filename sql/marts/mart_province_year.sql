-- Rollup by province (省级) and year: every counted report whose unit sits in the province, its
-- own government and departments included. Sums leave out what reports do not state.
CREATE VIEW mart_province_year AS
SELECT m.province_code, v.name AS province_name,
       m.year,
       CAST(COUNT(*) AS BIGINT) AS reports,
       CAST(COUNT(DISTINCT m.division_code || '|' || m.unit) AS BIGINT) AS units,
       CAST(SUM(m.procurement_items) AS BIGINT) AS procurement_items,
       ROUND(CAST(SUM(m.procurement_amount_wan) AS NUMERIC), 6) AS procurement_amount_wan,
       CAST(SUM(m.new_total) AS BIGINT) AS new_total,
       CAST(SUM(m.new_natural) AS BIGINT) AS new_natural,
       CAST(SUM(m.new_commercial) AS BIGINT) AS new_commercial,
       CAST(SUM(m.new_research) AS BIGINT) AS new_research,
       CAST(SUM(m.new_social) AS BIGINT) AS new_social,
       CAST(SUM(m.new_legal) AS BIGINT) AS new_legal,
       CAST(SUM(m.new_other) AS BIGINT) AS new_other,
       CAST(SUM(m.outcome_open) AS BIGINT) AS outcome_open,
       CAST(SUM(m.outcome_partial) AS BIGINT) AS outcome_partial,
       CAST(SUM(m.outcome_denied) AS BIGINT) AS outcome_denied,
       CAST(SUM(m.outcome_cannot_provide) AS BIGINT) AS outcome_cannot_provide,
       CAST(SUM(m.outcome_not_processed) AS BIGINT) AS outcome_not_processed,
       CAST(SUM(m.outcome_other) AS BIGINT) AS outcome_other,
       CAST(SUM(m.outcome_total) AS BIGINT) AS outcome_total,
       CAST(SUM(m.review_total) AS BIGINT) AS review_total,
       CAST(SUM(m.litigation_total) AS BIGINT) AS litigation_total,
       CAST(SUM(m.litigation_after_review_total) AS BIGINT) AS litigation_after_review_total
FROM stg_report_measures m
JOIN division v ON v.code = m.province_code
GROUP BY m.province_code, v.name, m.year;
