"""Files attached to journal items: kept inside the journal, named safely, typed by content."""
