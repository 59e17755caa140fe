-- Oversight checks across two consecutive years of one unit (same unit name and county; the
-- year before is the unit's report for year - 1), one row per rule instance where both years
-- are loaded:
--   xyear.carried (subject: an applicant column of 表三, or total): this year's 上年结转 =
--     last year's 结转下年度继续办理;
--   xyear.in_force (subject a1_regulation | a1_normative; both years of the 2021 edition):
--     last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 = this year's
--     现行有效件数.
-- status is pass / fail, or not_assessable when an operand is blank (never taken as 0);
-- lhs_line / rhs_line are the source lines of the 表三 cells compared (xyear.carried);
-- rule_label and subject_label (the 表三 column or 表二 row) are the codes' Chinese labels.
CREATE VIEW mart_cross_year_rules AS
WITH pairs AS (
  SELECT r.county, r.unit, r.year, r.edition, r.report_id, r.source_path,
         p.edition AS prev_edition, p.report_id AS prev_report_id,
         p.source_path AS prev_source_path
  FROM stg_report r
  JOIN stg_report p
    ON p.unit = r.unit AND p.year = r.year - 1
   AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
),
in_force AS (
  SELECT x.*, c.regulation_issued AS issued, c.regulation_abolished AS abolished,
         c.regulation_in_force AS in_force, pc.regulation_in_force AS prev_in_force,
         'a1_regulation' AS subject
  FROM pairs x
  JOIN report_fact c ON c.report_id = x.report_id
  JOIN report_fact pc ON pc.report_id = x.prev_report_id
  WHERE x.edition = 2021 AND x.prev_edition = 2021
  UNION ALL
  SELECT x.*, c.normative_issued, c.normative_abolished, c.normative_in_force,
         pc.normative_in_force, 'a1_normative'
  FROM pairs x
  JOIN report_fact c ON c.report_id = x.report_id
  JOIN report_fact pc ON pc.report_id = x.prev_report_id
  WHERE x.edition = 2021 AND x.prev_edition = 2021
)
SELECT x.county, x.unit, x.year, x.report_id, x.source_path, x.prev_source_path,
       'xyear.carried' AS rule_key, a.applicant AS subject,
       't3.carried.' || a.applicant AS lhs_terms,
       'prev.t3.carry_next.' || a.applicant AS rhs_terms,
       a.carried_over AS lhs, b.carry_next AS rhs,
       a.carried_over - b.carry_next AS diff,
       CASE WHEN a.carried_over IS NULL OR b.carry_next IS NULL THEN 'not_assessable'
            WHEN a.carried_over = b.carry_next THEN 'pass' ELSE 'fail' END AS status,
       a.carried_line AS lhs_line, b.carry_next_line AS rhs_line,
       rl.label_zh AS rule_label, sc.label_zh AS subject_label
FROM pairs x
JOIN report_applicant_fact a ON a.report_id = x.report_id
JOIN report_applicant_fact b ON b.report_id = x.prev_report_id AND b.applicant = a.applicant
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = 'xyear.carried'
LEFT JOIN dim_col sc ON sc.edition = x.edition AND sc.table_code = 't3' AND sc.col_code = a.applicant
UNION ALL
SELECT county, unit, year, report_id, source_path, prev_source_path,
       'xyear.in_force', subject,
       'prev.t2.' || subject || '.in_force + t2.' || subject || '.issued - t2.' || subject
         || '.abolished',
       't2.' || subject || '.in_force',
       prev_in_force + issued - abolished, in_force, prev_in_force + issued - abolished - in_force,
       CASE WHEN prev_in_force IS NULL OR issued IS NULL OR abolished IS NULL OR in_force IS NULL
              THEN 'not_assessable'
            WHEN prev_in_force + issued - abolished = in_force THEN 'pass' ELSE 'fail' END,
       NULL, NULL, rl.label_zh, sr.label_zh
FROM in_force x
LEFT JOIN dim_code rl ON rl.code_kind = 'rule' AND rl.code = 'xyear.in_force'
LEFT JOIN dim_row sr ON sr.edition = x.edition AND sr.table_code = 't2' AND sr.row_code = x.subject;
