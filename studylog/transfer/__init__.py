"""Export writers, file readers and the checked import."""
