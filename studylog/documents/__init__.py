"""The office documents: the annual report, sign-in sheets, the archive, their layout."""
