; Blocks fold; so do multi-line comments and paragraphs in """.
[
  (plan_header)
  (group)
  (measure)
  (moment)
  (measure_progress)
  (table)
  (columns)
  (comment)
  (string)
] @fold
