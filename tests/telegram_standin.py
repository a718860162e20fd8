"""Stand-ins for what the bot talks to, so it can run end to end on loopback.

`TelegramStandIn` is a small Bot API server (aiohttp, 127.0.0.1, random port). It serves
/bot<TOKEN>/<method>: queued updates go out through getUpdates (long polling) or, once
setWebhook was called, are POSTed to the webhook; sendMessage and friends return plausible
results. Every call is recorded (method and params, from JSON, form or multipart bodies, files
with their bytes) so tests can wait for and assert on what the bot sent. Files users send
(`upload`) are served at /file/bot<TOKEN>/<file_path> after getFile, and each download is
recorded as a "download" call.

Faults are injected per method with `fail`: the next calls of a method answer HTTP 429 with a
`retry_after`, a 5xx, 401 or 409 as Telegram would, close the connection without answering, or
hang: answer nothing until `heal`. Failed calls, polls included, are recorded with their status
(CLOSE: connection closed, HANG: held); `next_call` returns successful calls unless asked for
another `status`.

`polling(app)` runs the real Application against it. `FakeAnswerer` answers a handful of
questions about the 2019 report with canned, real figures, for runs without the index and the
model: a metric and a year, a metric's trend ("…怎么变化", with its `series` for a chart), and a
very long answer ("…全部列出来", LONG_ANSWER_CHARS and more, for Telegram's message limit); what the bot reads of an index (labelled chunks, the reports) is a `FakeIndex`, chunked
and labelled from the corpus as a build would. `FakeLiveAnswerer` adds what staff handlers use
of a LiveAnswerer, without embedding anything.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import mimetypes
import re
import socket
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import aiohttp
from aiohttp import web

from bot.answering.evidence import Answer, Source
from bot.answering.live import LiveAnswerer, ReindexFailed, Swap
from bot.answering.reading.question import Question, Shape
from bot.telegram.app import ALLOWED_UPDATES
from index.builder import BuildReport
from index.reading.documents import load_corpus
from index.settings import IndexSettings
from index.text.chunking import Chunk, chunk_document

TOKEN = "7000001:standin-SECRET-token-0123456789"
BOT_USER = {"id": 7000001, "is_bot": True, "first_name": "昆山高新区问答", "username": "zoneqa_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}

STICKER = {"sticker": {"file_id": "stk", "file_unique_id": "stk-u", "type": "regular", "width": 512,
                       "height": 512, "is_animated": False, "is_video": False, "emoji": "😀"}}
PHOTO = {"photo": [{"file_id": "pho", "file_unique_id": "pho-u", "width": 90, "height": 90}]}
VOICE = {"voice": {"file_id": "voi", "file_unique_id": "voi-u", "duration": 2}}

# Form-encoded params are JSON-decoded unless they are plain strings in the Bot API.
_STRING_PARAMS = {"text", "parse_mode", "callback_query_id", "inline_query_id", "inline_message_id",
                  "url", "secret_token", "next_offset", "caption", "language_code", "ip_address"}
_ENTITY = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?|@[A-Za-z0-9_]{3,}")


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict]:
    """bot_command and mention entities, as Telegram would attach them (UTF-16 offsets)."""
    return [{"type": "bot_command" if m.group().startswith("/") else "mention",
             "offset": _utf16_len(text[:m.start()]), "length": _utf16_len(m.group())}
            for m in _ENTITY.finditer(text)]


def user(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": f"用户{user_id}", "language_code": "zh-hans"}


def chat(chat_id: int, kind: str = "message") -> dict:
    """Positive ids are private chats with that user, negative ids supergroups (or channels)."""
    if kind == "channel_post":
        return {"id": chat_id, "type": "channel", "title": "频道"}
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"用户{chat_id}"}
    return {"id": chat_id, "type": "supergroup", "title": "高新区居民群"}


@dataclass
class Call:
    method: str
    params: dict
    at: float  # time.monotonic() when it arrived
    result: object = None  # what the stand-in answered, e.g. the sent message
    status: int = 200  # the HTTP status answered; 0 when the connection was closed instead


CLOSE = 0  # `fail(..., CLOSE)`: drop the connection without an answer
HANG = -1  # `fail(..., HANG)`: hold the request open, answering nothing, until `heal`
_FAULTS = {429: "Too Many Requests: retry after {retry_after}", 500: "Internal Server Error",
           502: "Bad Gateway", 401: "Unauthorized", 409: "Conflict: terminated by other getUpdates request; "
           "make sure that only one bot instance is running"}


@dataclass
class Fault:
    status: int
    times: int | None  # None: every call from now on
    retry_after: int | None = None
    when: Callable[[dict], bool] | None = None  # only calls with these params


@dataclass
class TelegramStandIn:
    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    webhook: dict | None = None  # the last setWebhook params

    def __post_init__(self) -> None:
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._taken: set[int] = set()
        self._changed = asyncio.Condition()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._files: dict[str, bytes] = {}  # file_path -> content
        self._declared: dict[str, int | None] = {}  # file_id -> the size getFile states, if not the real one
        self._faults: dict[str, list[Fault]] = {}
        self._released: dict[str, asyncio.Event] = {}  # method -> set by `heal` to end its held requests
        self.port = 0

    # --- lifecycle ---

    async def __aenter__(self) -> "TelegramStandIn":
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._download)
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1, access_log=None)
        await self._runner.setup()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc) -> None:
        self._closing = True
        for released in self._released.values():
            released.set()
        await self._notify()
        await self._session.close()
        await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- updates in ---

    def enqueue(self, update: dict) -> dict:
        """Queue one update (update_id added) for getUpdates, or push it to the webhook."""
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        if self.webhook:
            asyncio.get_running_loop().create_task(self._push(update))
        else:
            asyncio.get_running_loop().create_task(self._notify())
        return update

    def send(self, chat_id: int, text: str | None = None, *, user_id: int | None = None,
             kind: str = "message", reply_to: dict | None = None, **fields) -> dict:
        """Queue a message update and return the message. `kind` may be edited_message or
        channel_post; `fields` adds media such as STICKER; the sender defaults to the chat's user."""
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": chat(chat_id, kind), **fields}
        if kind != "channel_post":
            message["from"] = user(user_id if user_id is not None else chat_id)
        if kind == "edited_message":
            message["edit_date"] = int(time.time())
        if text is not None:
            message["text"] = text
            if entities := _entities(text):
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self.enqueue({kind: message})
        return message

    def upload(self, chat_id: int, filename: str, data: bytes, *, caption: str | None = None,
               user_id: int | None = None, message_size: int | None = -1, file_size: int | None = -1) -> dict:
        """Queue a message carrying `data` as a document, downloadable through getFile. The sizes
        the message and getFile state are the real one unless given (None: not stated)."""
        file_id = f"doc{len(self._files) + 1}"
        self._files[f"documents/{file_id}/{filename}"] = data
        if file_size != -1:
            self._declared[file_id] = file_size
        document = {"file_id": file_id, "file_unique_id": f"{file_id}-u", "file_name": filename,
                    "mime_type": mimetypes.guess_type(filename)[0] or "application/octet-stream"}
        size = len(data) if message_size == -1 else message_size
        if size is not None:
            document["file_size"] = size
        return self.send(chat_id, user_id=user_id, document=document,
                         **({"caption": caption} if caption is not None else {}))

    def tap(self, message: dict | None, data: str | None, user_id: int) -> dict:
        """Queue a button press on `message` (None: on an inline-mode message)."""
        query = {"id": str(next(self._update_ids) * 1000), "from": user(user_id), "chat_instance": "standin"}
        if message is None:
            query["inline_message_id"] = "inline-msg"
        else:
            query["message"] = message
        if data is not None:
            query["data"] = data
        return self.enqueue({"callback_query": query})

    def inline(self, user_id: int, query: str) -> dict:
        return self.enqueue({"inline_query": {"id": str(next(self._update_ids) * 1000), "from": user(user_id),
                                              "query": query, "offset": ""}})

    # --- faults ---

    def fail(self, method: str, status: int, *, times: int | None = 1, retry_after: int | None = None,
             when: Callable[[dict], bool] | None = None) -> None:
        """The next `times` calls of `method` (None: every call from now on; `when`: only those
        whose params it accepts) fail with HTTP `status` (429 carries `retry_after` seconds),
        with CLOSE, a dropped connection, or with HANG, no answer until `heal`."""
        self._faults.setdefault(method, []).append(Fault(status, times, retry_after, when))

    def heal(self, method: str) -> None:
        """Calls of `method` succeed again, and those held are answered."""
        self._faults.pop(method, None)
        if released := self._released.pop(method, None):
            released.set()

    def _fault(self, method: str, params: dict) -> Fault | None:
        queue = self._faults.get(method)
        if not queue or (queue[0].when is not None and not queue[0].when(params)):
            return None
        fault = queue[0]
        if fault.times is not None:
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
        return fault

    def failed(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.status != 200]

    # --- calls out ---

    async def next_call(self, method: str, timeout: float = 5.0, *, status: int = 200, **match) -> Call:
        """The earliest call of `method` answered with `status` (success unless asked) whose params
        include `match`, not returned before."""
        found: list[Call] = []

        def take() -> bool:
            for i, call in enumerate(self.calls):
                if i not in self._taken and call.method == method and call.status == status and all(
                        call.params.get(k) == v for k, v in match.items()):
                    self._taken.add(i)
                    found.append(call)
                    return True
            return False

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(take), timeout)
            except TimeoutError:
                seen = [f"{c.method}({c.params.get('text', '')!r:.60})" for c in self.calls[-8:]]
                raise AssertionError(f"no {method} {match or ''} within {timeout}s; last calls: {seen}") from None
        return found[0]

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]

    # --- server ---

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _push(self, update: dict) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook.get("secret_token") or ""}
        async with self._session.post(self.webhook["url"], json=update, headers=headers) as response:
            if response.status == 200:
                self._updates.remove(update)

    async def _params(self, request: web.Request) -> dict:
        if request.content_type == "application/json":
            return await request.json()
        params = {}
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                params[key] = {"filename": value.filename, "content": value.file.read()}
            elif key in _STRING_PARAMS:
                params[key] = value
            else:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method, params = request.match_info["method"], await self._params(request)
        call = Call(method, params, time.monotonic())
        fault = self._fault(method, params)
        if fault is not None and fault.status == HANG:
            await self._hold(call)
        elif fault is not None:
            return await self._failure(request, call, fault)
        handler = getattr(self, f"_api_{method}", None)
        if method == "getUpdates":
            call.result = await self._get_updates(params)
        elif handler is not None:
            call.result = handler(params)
        else:
            call.result = {"error_code": 404, "description": "Not Found: method not found"}
        if method != "getUpdates" and call.status != HANG:  # polls are noise in the record; held calls are in it
            self.calls.append(call)
            await self._notify()
        if isinstance(call.result, dict) and "error_code" in call.result:
            return web.json_response({"ok": False, **call.result}, status=call.result["error_code"])
        return web.json_response({"ok": True, "result": call.result})

    async def _failure(self, request: web.Request, call: Call, fault: Fault) -> web.Response:
        call.status = fault.status
        self.calls.append(call)
        await self._notify()
        if fault.status == CLOSE:
            request.transport.close()  # no status line at all: the client sees the connection drop
            raise asyncio.CancelledError
        body = {"ok": False, "error_code": fault.status,
                "description": _FAULTS.get(fault.status, "Error").format(retry_after=fault.retry_after)}
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
        return web.json_response(body, status=fault.status)

    async def _hold(self, call: Call) -> None:
        """Record `call` as held, then answer nothing until its method is healed (or the stand-in closes)."""
        call.status = HANG
        self.calls.append(call)
        await self._notify()
        await self._released.setdefault(call.method, asyncio.Event()).wait()

    async def _get_updates(self, params: dict) -> list[dict] | dict:
        if self.webhook:
            return {"error_code": 409, "description": "Conflict: can't use getUpdates method while webhook is active"}
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]  # offset confirms earlier ones
        timeout = min(float(params.get("timeout") or 0), 10.0)
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self._updates or self._closing), timeout)
            except TimeoutError:
                pass
        return self._updates[: int(params.get("limit") or 100)]

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        file_path = request.match_info["file_path"]
        self.calls.append(Call("download", {"file_path": file_path}, time.monotonic()))
        await self._notify()
        if file_path not in self._files:
            return web.Response(status=404)
        return web.Response(body=self._files[file_path])

    def _message(self, params: dict) -> dict:
        message = {"message_id": next(self._message_ids), "date": int(time.time()),
                   "chat": chat(int(params["chat_id"])), "from": BOT_USER, "text": params.get("text", "")}
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _api_getMe(self, params: dict) -> dict:
        return BOT_USER

    def _api_sendMessage(self, params: dict) -> dict:
        return self._message(params)

    def _api_sendDocument(self, params: dict) -> dict:
        message = self._message(params)
        del message["text"]
        document = params["document"]
        return {**message, "caption": params.get("caption", ""),
                "document": {"file_id": "sent", "file_unique_id": "sent-u", "file_name": document["filename"],
                             "file_size": len(document["content"])}}

    def _api_sendPhoto(self, params: dict) -> dict:
        message = self._message(params)
        del message["text"]
        photo = params["photo"]
        size = {"file_size": len(photo["content"])} if isinstance(photo, dict) else {}
        return {**message, "caption": params.get("caption", ""),
                "photo": [{"file_id": "sent-photo", "file_unique_id": "sent-photo-u", "width": 660, "height": 374,
                           **size}]}

    def _api_getFile(self, params: dict) -> dict:
        file_id = params["file_id"]
        path = next((p for p in self._files if p.startswith(f"documents/{file_id}/")), None)
        if path is None:
            return {"error_code": 400, "description": "Bad Request: invalid file_id"}
        size = self._declared.get(file_id, len(self._files[path]))
        return {"file_id": file_id, "file_unique_id": f"{file_id}-u", "file_path": path,
                **({"file_size": size} if size is not None else {})}

    def _api_editMessageText(self, params: dict) -> dict | bool:
        if "inline_message_id" in params:
            return True
        return {**self._message(params), "message_id": params["message_id"], "edit_date": int(time.time())}

    def _api_setWebhook(self, params: dict) -> bool:
        self.webhook = params
        return True

    def _api_deleteWebhook(self, params: dict) -> bool:
        self.webhook = None
        return True

    def _api_getWebhookInfo(self, params: dict) -> dict:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    def _ok(self, params: dict) -> bool:
        return True

    _api_answerCallbackQuery = _api_answerInlineQuery = _api_setMyCommands = _ok


@asynccontextmanager
async def polling(app, timeout: int = 5):
    """Run a built Application as run_polling does (post_init and post_shutdown included), minus
    signals and blocking, long-polling for up to `timeout` seconds."""
    try:
        async with app:
            await app.post_init(app)
            await app.updater.start_polling(timeout=timeout, allowed_updates=ALLOWED_UPDATES)
            await app.start()
            try:
                yield app
            finally:
                await app.updater.stop()
                await app.stop()
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)


# --- answerer ---------------------------------------------------------------------------------

REPORT_TITLE = "书写高质量发展满意答卷 昆山高新区凝心聚力“全新一跃”（2019年昆山高新区工作会议）"
_RESULTS_2018 = ("2018年,昆山高新区全年完成地区生产总值762亿元,增长7.1%;一般公共预算收入90亿元,增长11.4%,"
                 "税收占比93.2%;工业总产值1280亿元,增长6.7%;到账外资1.87亿美元,新增注册内资297.6亿元;"
                 "进出口总额62.9亿美元,增长4.7%;服务业增加值326亿元,增长10.5%;全社会研发投入占比达3.5%。")
_TARGETS_2019 = ("2019年,昆山高新区再接再厉,目标任务再加码:完成地区生产总值810亿元,一般公共预算收入突破100亿元,"
                 "工业总产值突破1360亿元,分别增长7%、11%、6.3%。")
# metric -> year -> (value, kind, passage)
_FACTS = {
    "地区生产总值": {2018: ("762亿元", "result", _RESULTS_2018), 2019: ("810亿元", "target", _TARGETS_2019)},
    "一般公共预算收入": {2018: ("90亿元", "result", _RESULTS_2018), 2019: ("100亿元", "target", _TARGETS_2019)},
    "进出口总额": {2018: ("62.9亿美元", "result", _RESULTS_2018)},
    "服务业增加值": {2018: ("326亿元", "result", _RESULTS_2018)},
}
REFUSAL = "抱歉，我在收录的报告中没有找到能回答这个问题的依据。"
TREND = "怎么变化"  # "地区生产总值这两年怎么变化的": every year of the metric, with a series
EVERYTHING = "全部列出来"  # "把2018年的数字全部列出来": a very long answer
LONG_ANSWER_CHARS = 10_000


def _number(value: str) -> tuple[float, str]:
    number, unit = re.fullmatch(r"([\d.]+)(.*)", value).groups()
    return float(number), unit


def long_answer_text() -> str:
    """Over LONG_ANSWER_CHARS characters: numbered lines of the 2018 figures, with characters that
    must be escaped in HTML, and one paragraph longer than a Telegram message, without a line break."""
    clauses = [c for c in re.split(r"(?<=[;。])", _RESULTS_2018) if c]
    lines = [f"第{i + 1}条（A&B <摘录>）：{clauses[i % len(clauses)]}" for i in range(160)]
    lines.insert(80, "".join(clauses) * 40)  # a paragraph of over 6,000 characters
    return "\n".join(lines)


SEED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass(eq=False)
class FakeIndex:
    """The parts of a stored index (index.store.StoredIndex) the bot reads besides searching."""

    chunks: list[Chunk]
    documents: dict[str, dict]

    @classmethod
    def of(cls, corpus_dir: Path) -> "FakeIndex":
        docs, _ = load_corpus(corpus_dir)
        return cls([c for d in docs for c in chunk_document(d)], {d.doc_id: d.info() for d in docs})


@dataclass
class FakeSearcher:
    index: FakeIndex


@lru_cache(maxsize=1)
def seed_index() -> FakeIndex:
    return FakeIndex.of(SEED_CORPUS)


class FakeAnswerer:
    """Same interface as bot.answering.answerer.Answerer; knows four metrics for 2018 and 2019.
    Its `searcher.index` is the seed corpus, chunked and labelled (no vectors)."""

    def __init__(self, index: FakeIndex | None = None) -> None:
        self.searcher = FakeSearcher(index or seed_index())

    def documents(self) -> list[dict]:
        return sorted(self.searcher.index.documents.values(), key=lambda d: (d["date"], d["doc_id"]))

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        metric = next((m for m in _FACTS if m in question), None)
        if metric is None and previous is not None and ("今年" in question or "2019" in question):
            metric = next((m for m in _FACTS if m in previous.answer), None)  # a follow-up: same metric
        if metric and TREND in question:
            return self._trend(question, metric)
        year = 2019 if ("2019" in question or "今年" in question or "目标" in question) else 2018
        fact = _FACTS.get(metric or "", {}).get(year)
        if fact is None and EVERYTHING in question:
            metric, fact = "地区生产总值", _FACTS["地区生产总值"][2018]
        if fact is None:
            return Answer(question=question, answer=REFUSAL, abstained=True)
        value, kind, passage = fact
        sentence = next(s for s in re.split(r"(?<=[;。])", passage) if metric in s)
        verb = "完成" if kind == "result" else "的目标是"
        text = f"{year}年昆山高新区{metric}{verb}{value}。"
        return Answer(question=question, answer=text + ("\n" + long_answer_text() if EVERYTHING in question else ""),
                      abstained=False, value=value, year=year, kind=kind, confidence=0.9,
                      sources=[_source(sentence, passage)])

    @staticmethod
    def _trend(question: str, metric: str) -> Answer:
        """The metric's figures side by side in time order, its series for the chart."""
        years = sorted(_FACTS[metric].items())
        words = {"result": "实际完成", "target": "目标"}
        text = "；".join(f"{year}年{words[kind]}{value}" for year, (value, kind, _) in years) + "。"
        series = tuple((year, kind, *_number(value)) for year, (value, kind, _) in years)
        sources = [_source(next(s for s in re.split(r"(?<=[;。])", p) if metric in s), p) for _, (_, _, p) in years]
        return Answer(question=question, answer=f"昆山高新区{metric}：{text}", abstained=False, confidence=0.9,
                      sources=sources, evidence=len(sources), series=series,
                      query=Question(text=question, normalised=question, metrics=(metric,), shape=Shape.TREND))


def _source(sentence: str, passage: str) -> Source:
    return Source(doc_id="2019-kunshan-hitech-zone-work-conference", title=REPORT_TITLE, section="聚焦两会",
                  text=sentence, score=0.9, passage=passage)


class FakeLiveAnswerer(LiveAnswerer):
    """The LiveAnswerer interface (bot.answering.live) over canned answerers, for staff handlers.

    A subclass, because the bot offers staff work only to a LiveAnswerer; it skips the parent's
    constructor, as there is no index to load. `rebuild` chunks and labels the corpus into a new
    FakeIndex and keeps answering as before, or raises ReindexFailed(`fail_with`);
    `refresh_if_changed` switches to `on_disk` once a test puts an answerer there, as if
    `zoneqa index build` had written a new index.
    """

    def __init__(self, index: IndexSettings, answerer: FakeAnswerer | None = None) -> None:
        self.index = index
        self._current = answerer or FakeAnswerer()
        self.fail_with: str | None = None
        self.on_disk: FakeAnswerer | None = None

    def rebuild(self) -> Swap:
        if self.fail_with:
            raise ReindexFailed(self.fail_with)
        built = FakeIndex.of(self.index.corpus_dir)
        self._current.searcher = FakeSearcher(built)  # the same canned answers, from the new index
        report = BuildReport(documents=len(built.documents), chunks=len(built.chunks), embedded=0,
                             reused=len(built.chunks), seconds=0.0, version=Path("fake-version"))
        return Swap(report, report.version, len(built.documents))

    def refresh_if_changed(self) -> Swap | None:
        if self.on_disk is None:
            return None
        self._current, self.on_disk = self.on_disk, None
        return Swap(None, Path("fake-version"), len(self._current.documents()))
