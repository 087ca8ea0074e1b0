"""Recognition: the report structure found on the block model (goals, indicator, activity and
financial tables, the document's metadata), spelled as the vocabulary says."""
