-- Fills report_fact for the reports being loaded (the loader puts the batch's report ids where
-- :report_ids stands: one bound id in SQLite, a bound array in PostgreSQL), inside the load
-- transaction, after the reports' cells and rule results are written. Same text for both
-- dialects.
--
-- 表三 and 表四 totals: a row's (or a 表四 group's) 总计 as reported when it is a number;
-- where it is blank and at least one part is a number, the sum of the numeric parts
-- (total_source = 'sum_of_parts'); else NULL. A 总计 that disagrees with its parts is kept as
-- reported: the validator has already made that a rule_failed finding.
WITH ids AS (
  SELECT report_id, edition, unit, year, COALESCE(division_code, '') AS division_key FROM report
  WHERE status = 'loaded' AND report_id IN (:report_ids)
),
cells AS (
  -- The report's cells with the corrections of its unit and year laid over them (table
  -- cell_correction, `gongkai correct`): a corrected cell is a number, or blank when the
  -- corrected value is NULL.
  SELECT c.report_id, c.table_code, c.row_code, c.col_code, c.source_line,
         CASE WHEN k.unit IS NULL THEN c.state WHEN k.value IS NULL THEN 'blank' ELSE 'number' END
           AS state,
         CASE WHEN k.unit IS NULL THEN c.value ELSE k.value END AS value,
         CASE WHEN k.unit IS NULL THEN 0 ELSE 1 END AS corrected
  FROM ids i
  JOIN cell c ON c.report_id = i.report_id
  LEFT JOIN cell_correction k
    ON k.division_code = i.division_key AND k.unit = i.unit AND k.year = i.year
   AND k.table_code = c.table_code AND k.row_code = c.row_code AND k.col_code = c.col_code
),
t3 AS (
  SELECT c.report_id, c.row_code,
         MAX(CASE WHEN c.col_code = 'total' AND c.state = 'number' THEN c.value END) AS reported,
         SUM(CASE WHEN c.col_code <> 'total' AND c.state = 'number' THEN c.value END) AS parts,
         SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blanks,
         SUM(CASE WHEN c.col_code = 'natural' THEN c.value END) AS v_natural,
         SUM(CASE WHEN c.col_code = 'commercial' THEN c.value END) AS v_commercial,
         SUM(CASE WHEN c.col_code = 'research' THEN c.value END) AS v_research,
         SUM(CASE WHEN c.col_code = 'social' THEN c.value END) AS v_social,
         SUM(CASE WHEN c.col_code = 'legal' THEN c.value END) AS v_legal,
         SUM(CASE WHEN c.col_code = 'other' THEN c.value END) AS v_other
  FROM cells c
  WHERE c.table_code = 't3'
  GROUP BY c.report_id, c.row_code
),
t3v AS (
  SELECT t3.*, COALESCE(reported, parts) AS v,
         CASE WHEN reported IS NULL AND parts IS NOT NULL THEN 1 ELSE 0 END AS from_parts
  FROM t3
),
t3r AS (
  SELECT report_id,
         SUM(CASE WHEN row_code = 'new' THEN v END) AS new_total,
         SUM(CASE WHEN row_code = 'carried' THEN v END) AS carried_total,
         SUM(CASE WHEN row_code = 'new' THEN v_natural END) AS new_natural,
         SUM(CASE WHEN row_code = 'new' THEN v_commercial END) AS new_commercial,
         SUM(CASE WHEN row_code = 'new' THEN v_research END) AS new_research,
         SUM(CASE WHEN row_code = 'new' THEN v_social END) AS new_social,
         SUM(CASE WHEN row_code = 'new' THEN v_legal END) AS new_legal,
         SUM(CASE WHEN row_code = 'new' THEN v_other END) AS new_other,
         SUM(CASE WHEN row_code = 'open' THEN v END) AS outcome_open,
         SUM(CASE WHEN row_code = 'partial' THEN v END) AS outcome_partial,
         SUM(CASE WHEN row_code LIKE 'deny%' THEN v END) AS outcome_denied,
         SUM(CASE WHEN row_code LIKE 'cannot%' THEN v END) AS outcome_cannot_provide,
         SUM(CASE WHEN row_code LIKE 'noproc%' THEN v END) AS outcome_not_processed,
         SUM(CASE WHEN row_code LIKE 'other%' THEN v END) AS outcome_other,
         SUM(CASE WHEN row_code = 'total' THEN v END) AS outcome_total,
         SUM(CASE WHEN row_code = 'carry_next' THEN v END) AS carry_next,
         SUM(blanks) AS blanks,
         SUM(from_parts) AS rows_from_parts
  FROM t3v
  GROUP BY report_id
),
t4 AS (
  SELECT c.report_id,
         SUM(CASE WHEN c.col_code = 'rev_upheld' THEN c.value END) AS review_upheld,
         SUM(CASE WHEN c.col_code = 'rev_corrected' THEN c.value END) AS review_corrected,
         SUM(CASE WHEN c.col_code = 'rev_other' THEN c.value END) AS review_other,
         SUM(CASE WHEN c.col_code = 'rev_pending' THEN c.value END) AS review_pending,
         SUM(CASE WHEN c.col_code = 'rev_total' THEN c.value END) AS review_reported,
         SUM(CASE WHEN c.col_code LIKE 'rev%' AND c.col_code <> 'rev_total' THEN c.value END)
           AS review_parts,
         SUM(CASE WHEN c.col_code = 'lit_upheld' THEN c.value END) AS litigation_upheld,
         SUM(CASE WHEN c.col_code = 'lit_corrected' THEN c.value END) AS litigation_corrected,
         SUM(CASE WHEN c.col_code = 'lit_other' THEN c.value END) AS litigation_other,
         SUM(CASE WHEN c.col_code = 'lit_pending' THEN c.value END) AS litigation_pending,
         SUM(CASE WHEN c.col_code = 'lit_total' THEN c.value END) AS litigation_reported,
         SUM(CASE WHEN c.col_code LIKE 'lit%' AND c.col_code <> 'lit_total' THEN c.value END)
           AS litigation_parts,
         SUM(CASE WHEN c.col_code = 'lar_upheld' THEN c.value END) AS after_review_upheld,
         SUM(CASE WHEN c.col_code = 'lar_corrected' THEN c.value END) AS after_review_corrected,
         SUM(CASE WHEN c.col_code = 'lar_other' THEN c.value END) AS after_review_other,
         SUM(CASE WHEN c.col_code = 'lar_pending' THEN c.value END) AS after_review_pending,
         SUM(CASE WHEN c.col_code = 'lar_total' THEN c.value END) AS after_review_reported,
         SUM(CASE WHEN c.col_code LIKE 'lar%' AND c.col_code <> 'lar_total' THEN c.value END)
           AS after_review_parts,
         SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blanks
  FROM cells c
  WHERE c.table_code = 't4'
  GROUP BY c.report_id
),
t2 AS (
  SELECT c.report_id,
         SUM(CASE WHEN c.row_code = 'a9_procurement' THEN 1 ELSE 0 END) AS procurement_cells,
         SUM(CASE WHEN c.row_code = 'a9_procurement' AND c.col_code = 'items' THEN c.value END)
           AS procurement_items,
         SUM(CASE WHEN c.row_code = 'a9_procurement' AND c.col_code = 'amount_wan' THEN c.value END)
           AS procurement_amount_wan,
         SUM(CASE WHEN c.row_code = 'a9_procurement' AND c.state <> 'number' THEN 1 ELSE 0 END)
           AS procurement_blank_cells,
         SUM(CASE WHEN c.row_code = 'a1_regulation' AND c.col_code = 'issued' THEN c.value END)
           AS regulation_issued,
         SUM(CASE WHEN c.row_code = 'a1_regulation' AND c.col_code = 'abolished' THEN c.value END)
           AS regulation_abolished,
         SUM(CASE WHEN c.row_code = 'a1_regulation' AND c.col_code = 'in_force' THEN c.value END)
           AS regulation_in_force,
         SUM(CASE WHEN c.row_code = 'a1_normative' AND c.col_code = 'issued' THEN c.value END)
           AS normative_issued,
         SUM(CASE WHEN c.row_code = 'a1_normative' AND c.col_code = 'abolished' THEN c.value END)
           AS normative_abolished,
         SUM(CASE WHEN c.row_code = 'a1_normative' AND c.col_code = 'in_force' THEN c.value END)
           AS normative_in_force
  FROM cells c
  WHERE c.table_code = 't2'
    AND (c.row_code = 'a9_procurement' OR c.row_code = 'a1_regulation'
         OR c.row_code = 'a1_normative')
  GROUP BY c.report_id
),
rr AS (
  SELECT x.report_id,
         SUM(CASE WHEN x.status = 'fail' THEN 1 ELSE 0 END) AS failed,
         SUM(CASE WHEN x.status = 'not_assessable' THEN 1 ELSE 0 END) AS not_assessable
  FROM rule_result x
  WHERE x.report_id IN (SELECT report_id FROM ids) AND x.rule_key NOT LIKE 'narrative.%'
  GROUP BY x.report_id
),
cx AS (
  SELECT report_id, SUM(corrected) AS corrected FROM cells GROUP BY report_id
)
INSERT INTO report_fact (
  report_id, edition, new_total, carried_total, received,
  new_natural, new_commercial, new_research, new_social, new_legal, new_other,
  outcome_open, outcome_partial, outcome_denied, outcome_cannot_provide, outcome_not_processed,
  outcome_other, outcome_total, carry_next, total_source, t3_blank_cells, t3_rows_from_parts,
  procurement_cells, procurement_items, procurement_amount_wan, procurement_blank_cells,
  review_upheld, review_corrected, review_other, review_pending, review_total,
  litigation_upheld, litigation_corrected, litigation_other, litigation_pending, litigation_total,
  after_review_upheld, after_review_corrected, after_review_other, after_review_pending,
  after_review_total, t4_blank_cells, t4_totals_from_parts,
  regulation_issued, regulation_abolished, regulation_in_force,
  normative_issued, normative_abolished, normative_in_force,
  rules_failed, rules_not_assessable, corrected_cells)
SELECT i.report_id, i.edition,
       CAST(a.new_total AS BIGINT), CAST(a.carried_total AS BIGINT),
       CAST(a.new_total + a.carried_total AS BIGINT),
       CAST(a.new_natural AS BIGINT), CAST(a.new_commercial AS BIGINT),
       CAST(a.new_research AS BIGINT), CAST(a.new_social AS BIGINT),
       CAST(a.new_legal AS BIGINT), CAST(a.new_other AS BIGINT),
       CAST(a.outcome_open AS BIGINT), CAST(a.outcome_partial AS BIGINT),
       CAST(a.outcome_denied AS BIGINT), CAST(a.outcome_cannot_provide AS BIGINT),
       CAST(a.outcome_not_processed AS BIGINT), CAST(a.outcome_other AS BIGINT),
       CAST(a.outcome_total AS BIGINT), CAST(a.carry_next AS BIGINT),
       CASE
         WHEN a.report_id IS NULL AND b.report_id IS NULL THEN NULL
         WHEN COALESCE(a.rows_from_parts, 0) > 0
           OR (b.review_reported IS NULL AND b.review_parts IS NOT NULL)
           OR (b.litigation_reported IS NULL AND b.litigation_parts IS NOT NULL)
           OR (b.after_review_reported IS NULL AND b.after_review_parts IS NOT NULL)
           THEN 'sum_of_parts'
         ELSE 'reported'
       END,
       COALESCE(a.blanks, 0), COALESCE(a.rows_from_parts, 0),
       COALESCE(p.procurement_cells, 0), CAST(p.procurement_items AS BIGINT),
       p.procurement_amount_wan, COALESCE(p.procurement_blank_cells, 0),
       CAST(b.review_upheld AS BIGINT), CAST(b.review_corrected AS BIGINT),
       CAST(b.review_other AS BIGINT), CAST(b.review_pending AS BIGINT),
       CAST(COALESCE(b.review_reported, b.review_parts) AS BIGINT),
       CAST(b.litigation_upheld AS BIGINT), CAST(b.litigation_corrected AS BIGINT),
       CAST(b.litigation_other AS BIGINT), CAST(b.litigation_pending AS BIGINT),
       CAST(COALESCE(b.litigation_reported, b.litigation_parts) AS BIGINT),
       CAST(b.after_review_upheld AS BIGINT), CAST(b.after_review_corrected AS BIGINT),
       CAST(b.after_review_other AS BIGINT), CAST(b.after_review_pending AS BIGINT),
       CAST(COALESCE(b.after_review_reported, b.after_review_parts) AS BIGINT),
       COALESCE(b.blanks, 0),
       (CASE WHEN b.review_reported IS NULL AND b.review_parts IS NOT NULL THEN 1 ELSE 0 END)
         + (CASE WHEN b.litigation_reported IS NULL AND b.litigation_parts IS NOT NULL
                 THEN 1 ELSE 0 END)
         + (CASE WHEN b.after_review_reported IS NULL AND b.after_review_parts IS NOT NULL
                 THEN 1 ELSE 0 END),
       CAST(p.regulation_issued AS BIGINT), CAST(p.regulation_abolished AS BIGINT),
       CAST(p.regulation_in_force AS BIGINT),
       CAST(p.normative_issued AS BIGINT), CAST(p.normative_abolished AS BIGINT),
       CAST(p.normative_in_force AS BIGINT),
       COALESCE(r.failed, 0), COALESCE(r.not_assessable, 0), COALESCE(x.corrected, 0)
FROM ids i
LEFT JOIN t3r a ON a.report_id = i.report_id
LEFT JOIN t4 b ON b.report_id = i.report_id
LEFT JOIN t2 p ON p.report_id = i.report_id
LEFT JOIN rr r ON r.report_id = i.report_id
LEFT JOIN cx x ON x.report_id = i.report_id;
