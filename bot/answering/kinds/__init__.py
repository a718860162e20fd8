"""The handlers of the answerer's table (bot.answering.answerer.ROUTES), one kind of answer each:
one place's figure, sentence, comparison or byline (`single`), a list's enumeration (`lists`), a
metric over the years and yes or no against a figure (`over_time`), several parts or clauses
(`parts`), and questions about several places or every place (`places`)."""
