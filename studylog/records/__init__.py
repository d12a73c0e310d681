"""The domain: members, sessions, attendance, make-ups, speeches, plans, the ledger."""
