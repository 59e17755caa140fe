-- Rollup by prefecture (地级) and year: every counted report whose unit sits in the prefecture,
-- its own government and departments included; pseudo-prefectures (市辖区, 省直辖县级行政区划)
-- are not prefectures and have no row. Sums leave out what reports do not state.
CREATE VIEW mart_prefecture_year AS
SELECT m.prefecture_code, p.name AS prefecture_name, m.province_code, v.name AS province_name,
       m.year,
       COUNT(*) AS reports,
       COUNT(DISTINCT m.division_code || '|' || m.unit) AS units,
       SUM(m.procurement_items) AS procurement_items,
       ROUND(CAST(SUM(m.procurement_amount_wan) AS NUMERIC), 6) AS procurement_amount_wan,
       SUM(m.new_total) AS new_total,
       SUM(m.new_natural) AS new_natural,
       SUM(m.new_commercial) AS new_commercial,
       SUM(m.new_research) AS new_research,
       SUM(m.new_social) AS new_social,
       SUM(m.new_legal) AS new_legal,
       SUM(m.new_other) AS new_other,
       SUM(m.outcome_open) AS outcome_open,
       SUM(m.outcome_partial) AS outcome_partial,
       SUM(m.outcome_denied) AS outcome_denied,
       SUM(m.outcome_cannot_provide) AS outcome_cannot_provide,
       SUM(m.outcome_not_processed) AS outcome_not_processed,
       SUM(m.outcome_other) AS outcome_other,
       SUM(m.outcome_total) AS outcome_total,
       SUM(m.review_total) AS review_total,
       SUM(m.litigation_total) AS litigation_total,
       SUM(m.litigation_after_review_total) AS litigation_after_review_total
FROM stg_report_measures m
JOIN division p ON p.code = m.prefecture_code
JOIN division v ON v.code = m.province_code
GROUP BY m.prefecture_code, p.name, m.province_code, v.name, m.year;
