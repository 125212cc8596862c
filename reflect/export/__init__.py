"""Writing the journal for mentors: Markdown and HTML exports and the review pack."""
