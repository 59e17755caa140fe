-- One row per counted report (stg_report) with its place and the figures the division rollups
-- (mart_county_year, mart_prefecture_year, mart_province_year) add up: 政府集中采购 (2019
-- edition), 依申请公开 new applications by applicant type and outcomes (总计 column), 行政复议
-- and 行政诉讼 totals. A figure the report does not state (blank, not applicable, or not in its
-- edition) is NULL, never 0.
CREATE VIEW stg_report_measures AS
SELECT r.report_id, r.year, r.unit, r.unit_kind, r.division_code, r.county_code,
       r.prefecture_code, r.province_code,
       SUM(CASE WHEN c.table_code = 't2' AND c.row_code = 'a9_procurement' AND c.col_code = 'items'
                THEN c.value END) AS procurement_items,
       SUM(CASE WHEN c.table_code = 't2' AND c.row_code = 'a9_procurement'
                 AND c.col_code = 'amount_wan' THEN c.value END) AS procurement_amount_wan,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'total'
                THEN c.value END) AS new_total,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'natural'
                THEN c.value END) AS new_natural,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'commercial'
                THEN c.value END) AS new_commercial,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'research'
                THEN c.value END) AS new_research,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'social'
                THEN c.value END) AS new_social,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'legal'
                THEN c.value END) AS new_legal,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'new' AND c.col_code = 'other'
                THEN c.value END) AS new_other,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'open' AND c.col_code = 'total'
                THEN c.value END) AS outcome_open,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'partial' AND c.col_code = 'total'
                THEN c.value END) AS outcome_partial,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code LIKE 'deny%' AND c.col_code = 'total'
                THEN c.value END) AS outcome_denied,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code LIKE 'cannot%' AND c.col_code = 'total'
                THEN c.value END) AS outcome_cannot_provide,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code LIKE 'noproc%' AND c.col_code = 'total'
                THEN c.value END) AS outcome_not_processed,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code LIKE 'other%' AND c.col_code = 'total'
                THEN c.value END) AS outcome_other,
       SUM(CASE WHEN c.table_code = 't3' AND c.row_code = 'total' AND c.col_code = 'total'
                THEN c.value END) AS outcome_total,
       SUM(CASE WHEN c.table_code = 't4' AND c.col_code = 'rev_total' THEN c.value END)
         AS review_total,
       SUM(CASE WHEN c.table_code = 't4' AND c.col_code = 'lit_total' THEN c.value END)
         AS litigation_total,
       SUM(CASE WHEN c.table_code = 't4' AND c.col_code = 'lar_total' THEN c.value END)
         AS litigation_after_review_total
FROM stg_report r
LEFT JOIN cell c ON c.report_id = r.report_id
GROUP BY r.report_id, r.year, r.unit, r.unit_kind, r.division_code, r.county_code,
         r.prefecture_code, r.province_code;
