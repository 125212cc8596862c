"""Reading files back in: reflect's own exports, jrnl journals and mentor feedback."""
