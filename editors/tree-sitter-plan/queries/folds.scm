; Blocks fold; so do multi-line comments and paragraphs in """.
[
  (plan_header)
  (group)
  (measure)
  (table)
  (columns)
  (comment)
  (string)
] @fold
