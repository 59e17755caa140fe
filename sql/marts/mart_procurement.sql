-- 政府集中采购 by county and year (2019 edition only: the 2021 template has no such item, so
-- reports_with_item is 0 for 2021+ years). amount_wan is in 万元. blank_cells counts cells left
-- blank or marked not applicable, so a reader can tell a sum of zeros from a sum with gaps.
CREATE VIEW mart_procurement AS
SELECT r.county, r.year, COUNT(*) AS reports,
       CAST(SUM(CASE WHEN f.procurement_cells > 0 THEN 1 ELSE 0 END) AS BIGINT)
         AS reports_with_item,
       CAST(SUM(f.procurement_items) AS BIGINT) AS procurement_items,
       ROUND(CAST(SUM(f.procurement_amount_wan) AS NUMERIC), 6) AS amount_wan,
       CAST(COALESCE(SUM(f.procurement_blank_cells), 0) AS BIGINT) AS blank_cells
FROM stg_report r
LEFT JOIN report_fact f ON f.report_id = r.report_id
GROUP BY r.county, r.year;
