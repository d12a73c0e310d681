"""Export writers, file readers and the checked import.

columns (the tables and their headers) → export; encoding → sheets → readers (opening a
file); cells, known, loading → members_sessions, roll → importer (the checked import).
"""
