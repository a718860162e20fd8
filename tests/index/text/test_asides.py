"""An aside right after a figure giving another year's figure beside it ("引进亿元以上项目19个(去年全年12个)") compares
with that year: its year does not date the sentence; an aside only dating the figure ("162亿元(2012年)") does."""
import pytest

from index.text.timelabel import years_in


@pytest.mark.parametrize("text,years", [
    ("今年截至目前共引进亿元以上项目19个(去年全年12个)", [2025]),
    ("接待游客162万人次（2024年150万人次）", []),
    ("规模工业产值162亿元(2012年)", [2012]),
])
def test_an_aside_giving_another_year_s_figure_does_not_date_the_sentence(text, years):
    assert years_in(text, 2025) == years
