"""The journal file itself: migrations, backups, restore, doctor, settings and drafts."""
