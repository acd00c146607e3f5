"""Courses: lessons and explainers declared in their front matter, in order, with quizzes."""
