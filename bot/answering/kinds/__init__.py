"""Answers made of several simple ones: a metric over the years, yes or no against a figure,
and questions about several places or every place the reports cover."""
