"""The yearly figures and the year-end check, as SQL aggregates returned as dataclasses."""
