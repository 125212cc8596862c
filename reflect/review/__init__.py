"""SDS0223's review workflow: self-assessments, SMART objectives, activities, feedback,
training, reviews and their schedule."""
