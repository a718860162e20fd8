"""A trend's answer is followed by a small chart: the pure drawing (bot.telegram.chart) and the
photo the real Application sends through the Bot API stand-in after the text answer, which
stands on its own; no photo without a series of two points or more, and a chart that fails
never costs the text answer.
"""
from __future__ import annotations

import contextlib
import io
import logging
import sqlite3
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from matplotlib import image
from matplotlib.font_manager import FontProperties, findfont

from bot.telegram import chart, messages
from bot.telegram.history import DB_NAME
from telegram_checks import plain, polling_stand_in
from telegram_standin import TOKEN, TelegramStandIn

pytestmark = pytest.mark.anyio

ALICE = 41
GDP_TREND = "地区生产总值这两年怎么变化的"
GDP_SERIES = ((2018, "result", 762.0, "亿元"), (2019, "target", 810.0, "亿元"))  # the FakeAnswerer's
IMPORTS_TREND = "进出口总额这两年怎么变化的"  # one year only in the FakeAnswerer
GDP_2018 = "2018年地区生产总值是多少？"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def anyio_backend():
    return "asyncio"


# --- the drawing ------------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking the signature and the chunk's CRC."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16:16 + length]
    assert struct.unpack(">I", data[16 + length:20 + length])[0] == zlib.crc32(kind + body)
    width, height = struct.unpack(">II", body[:8])
    return width, height


def series(*points: tuple[int, str, float]) -> tuple[tuple[int, str, float, str], ...]:
    return tuple((year, kind, number, "亿元") for year, kind, number in points)


@pytest.mark.parametrize("points", [
    series((2018, "result", 762), (2019, "target", 810)),
    series((2016, "result", 650), (2017, "result", 701), (2018, "result", 762)),
    series((2017, "result", 701), (2018, "result", 762), (2018, "target", 750), (2019, "target", 810),
           (2020, "target", 870)),
])
def test_the_chart_is_a_real_png_with_a_marker_per_point(points):
    png = chart.render(points, "地区生产总值")
    width, height = png_size(png)
    pixels = image.imread(io.BytesIO(png), format="png")  # decodes the whole image
    assert pixels.shape[:2] == (height, width) and width > height > 100
    assert pixels.std() > 0  # something is drawn

    fig = chart.draw(points, "地区生产总值")
    kinds = {kind: sum(p[1] == kind for p in points) for kind in ("result", "target")}
    assert chart.plotted(fig) == {kind: n for kind, n in kinds.items() if n}
    drawn = sorted((int(x), float(y)) for line in fig.axes[0].get_lines()
                   for x, y in zip(line.get_xdata(), line.get_ydata()))
    assert drawn == sorted((p[0], p[2]) for p in points)
    assert [int(t) for t in fig.axes[0].get_xticks()] == sorted({p[0] for p in points})  # years on x


def test_results_are_solid_and_filled_targets_dashed_and_hollow():
    fig = chart.draw(series((2017, "result", 701), (2018, "result", 762), (2018, "target", 750),
                            (2019, "target", 810)))
    lines = {line.get_gid(): line for line in fig.axes[0].get_lines()}
    assert lines["result"].get_linestyle() == "-" and lines["target"].get_linestyle() == "--"
    assert lines["result"].get_markerfacecolor() == lines["result"].get_color() != "white"
    assert lines["target"].get_markerfacecolor() == "white"


def test_a_series_mixing_units_charts_its_most_common_unit_only():
    mixed = ((2017, "result", 7.5, "%"), (2017, "result", 701.0, "亿元"), (2018, "result", 762.0, "亿元"),
             (2018, "result", 7.1, "%"), (2019, "target", 810.0, "亿元"))
    assert chart.points(mixed) == tuple(p for p in mixed if p[3] == "亿元")
    assert sum(chart.plotted(chart.draw(mixed)).values()) == 3
    # On a tie, the unit seen first.
    assert [p[3] for p in chart.points(mixed[:2] + mixed[3:4] + mixed[2:3])] == ["%", "%"]


@pytest.mark.parametrize("points, worth", [
    ((), False),
    (((2018, "result", 762.0, "亿元"),), False),
    (((2018, "result", 762.0, "亿元"), (2018, "result", 7.1, "%")), False),  # one point of each unit
    (((2018, "result", 762.0, "亿元"), (2019, "target", 810.0, "亿元")), True),
])
def test_only_two_points_or_more_of_one_unit_make_a_chart(points, worth):
    assert chart.chartable(points) is worth


def test_chinese_text_is_drawn_only_in_a_font_that_has_it(caplog):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with caplog.at_level(logging.WARNING):
            fig = chart.draw(GDP_SERIES, "地区生产总值")
            chart.render(GDP_SERIES, "地区生产总值")
    assert not caught and not caplog.records  # no missing-glyph warnings, no font-lookup noise
    axis = fig.axes[0]
    texts = [axis.get_ylabel(), axis.get_title(), *(t.get_text() for t in axis.get_legend().get_texts())]
    cjk = any("\u4e00" <= c <= "\u9fff" for c in "".join(texts))
    assert cjk == chart._covers(chart._font().get_file(), "亿元地区生产总值实际完成目标")
    assert axis.get_ylabel() in ("亿元", "100 million yuan")  # the unit is always on the y axis

    latin = FontProperties(fname=findfont(FontProperties(family="DejaVu Sans")))
    assert chart._unit_label("亿元", latin) == "100 million yuan"
    assert chart._unit_label("%", latin) == "%"
    assert chart._unit_label("家", latin) == "count"
    assert chart._text("地区生产总值", latin) == ""


# --- through the Bot API stand-in -------------------------------------------------------------

@dataclass
class Bot:
    api: TelegramStandIn
    data_dir: Path

    async def ask(self, text: str):
        """Send a question; return the message sent and the bot's text answer."""
        question = self.api.send(ALICE, text)
        return question, await self.api.next_call("sendMessage", chat_id=ALICE)

    def calls(self, method: str) -> list:
        return [c for c in self.api.calls if c.method == method]


@contextlib.asynccontextmanager
async def running(data_dir: Path):
    """The real Application long-polling a fresh stand-in. Leaving it stops the Application, which
    waits for every update being handled: what the bot sends for a question is all sent by then."""
    async with polling_stand_in(data_dir) as api:
        yield Bot(api, data_dir)


async def test_a_trend_answer_is_followed_by_its_chart_as_a_photo(tmp_path):
    async with running(tmp_path) as bot:
        _, text = await bot.ask(GDP_TREND)
        photo = await bot.api.next_call("sendPhoto", chat_id=ALICE)
    # The text answer stands on its own: both years, marked, with their sources.
    shown = plain(text.params["text"])
    assert "2018年实际完成762亿元" in shown and "2019年目标810亿元" in shown and shown.count("📄") == 2
    methods = [c.method for c in bot.api.calls if c.method in ("sendMessage", "sendPhoto")]
    assert methods == ["sendMessage", "sendPhoto"]  # after the text
    png = photo.params["photo"]["content"]
    width, height = png_size(png)
    assert image.imread(io.BytesIO(png), format="png").shape[:2] == (height, width)
    # Exactly the chart of the answer's two points (the drawing is deterministic).
    assert png == chart.render(GDP_SERIES, "地区生产总值")
    assert chart.plotted(chart.draw(GDP_SERIES, "地区生产总值")) == {"result": 1, "target": 1}
    caption = plain(photo.params["caption"])
    assert "地区生产总值" in caption and "亿元" in caption and "实心点为实际完成" in caption and "空心点为目标" in caption
    assert "reply_parameters" not in photo.params  # as the text: no quote in a private chat


@pytest.mark.parametrize("question", [GDP_2018, IMPORTS_TREND, "昆山高新区有多少只大熊猫？"])
async def test_no_photo_without_a_series_of_two_points(tmp_path, question):
    async with running(tmp_path) as bot:
        _, text = await bot.ask(question)
        assert text.params["text"]
    assert bot.calls("sendPhoto") == []  # the handler has finished: nothing more will come


async def test_a_chart_that_cannot_be_drawn_costs_nothing_but_the_chart(tmp_path, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("no renderer")

    monkeypatch.setattr(chart, "render", broken)
    async with running(tmp_path) as bot:
        _, text = await bot.ask(GDP_TREND)
    assert "762亿元" in text.params["text"]
    assert bot.calls("sendPhoto") == []
    assert messages.ERROR not in [c.params.get("text") for c in bot.calls("sendMessage")]  # no apology
    assert any("could not send a trend chart: RuntimeError" in r.getMessage() for r in caplog.records)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT delivered FROM questions").fetchall() == [(1,)]


async def test_a_photo_telegram_refuses_costs_nothing_but_the_chart(tmp_path, caplog):
    async with running(tmp_path) as bot:
        bot.api.fail("sendPhoto", 400)
        _, text = await bot.ask(GDP_TREND)
        await bot.api.next_call("sendPhoto", status=400)
    assert "762亿元" in text.params["text"]
    assert messages.ERROR not in [c.params.get("text") for c in bot.calls("sendMessage")]
    warned = [r for r in caplog.records if "could not send a trend chart" in r.getMessage()]
    assert len(warned) == 1 and not warned[0].exc_info  # the error type, no request details
    assert not any(TOKEN in r.getMessage() or TOKEN.split(":")[1] in caplog.text for r in caplog.records)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT delivered FROM questions").fetchall() == [(1,)]
