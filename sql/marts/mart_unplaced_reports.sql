-- Loaded reports whose unit could not be placed among the divisions, with the reason
-- (division_ambiguous: several divisions carry the name and neither title nor text settles
-- which; division_unknown: the unit names no division and no alias) and, when ambiguous, every
-- candidate ("code full-name; ..."). An alias in config/units.yaml places such a unit.
CREATE VIEW mart_unplaced_reports AS
SELECT r.source_path, r.title, r.unit, r.year, r.unit_kind,
       f.kind AS reason, r.place_candidates AS candidates, f.message,
       uk.label_zh AS unit_kind_label, rk.label_zh AS reason_label
FROM report r
LEFT JOIN finding f
  ON f.report_id = r.report_id
 AND (f.kind = 'division_ambiguous' OR f.kind = 'division_unknown')
LEFT JOIN dim_code uk ON uk.code_kind = 'unit_kind' AND uk.code = r.unit_kind
LEFT JOIN dim_code rk ON rk.code_kind = 'finding_kind' AND rk.code = f.kind
WHERE r.status = 'loaded' AND r.placed_by = 'unplaced';
