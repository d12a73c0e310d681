"""Labels, messages and the parsing of what the secretary types: the bottom layer (no SQL)."""
