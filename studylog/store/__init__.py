"""Storage: the schema (tables, models), the engine and its transactions, the audit log."""
