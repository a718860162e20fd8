"""zoneqa index: reports → chunks → vectors and BM25 → search hits.

Knows nothing of Telegram or of answering; `bot/` builds on it.
"""
