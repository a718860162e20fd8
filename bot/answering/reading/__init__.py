"""Reading a question: what was typed cleaned (`typed`), the cue words that say what kind of
question it is (`asked`), and the question's metric, year, kind, place and shape (`question`); and the words a
question and a report share: a metric's names (`metric_forms`), the numbers that are no figures (`no_figures`); and
the words of a report sentence quoted for a figure (`quoting`)."""
