"""Reading a question: what was typed cleaned (`typed`), the cue words that say what kind of
question it is (`asked`), and the question's metric, year, kind, place and shape (`question`)."""
