"""A real uvicorn server on loopback running the app factory, one per settings variant."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, settings):
        import uvicorn

        from newsdesk.serve import create_app

        self.port = _free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_server():
    from newsdesk.serve.settings import Settings

    with LiveServer(Settings(secret="test-secret", max_bytes=200_000)) as server:
        yield server


@pytest.fixture(scope="module")
def token_server():
    from newsdesk.serve.settings import Settings

    with LiveServer(Settings(secret="s", api_token="sesame")) as server:
        yield server


@pytest.fixture(scope="session")
def server_class():
    """The LiveServer class, for tests that build their own settings."""
    return LiveServer


EVENT = [
    ("Kelso Courier", "Governor opens Millbrook bridge",
     "Governor Helen Marsh opened the Millbrook River Bridge on Monday. The bridge cost 48 million "
     "dollars, according to the state transport department. Local traders welcomed the opening."),
    ("Ashford Gazette", "Millbrook bridge opens after two years",
     "The Millbrook River Bridge opened on Monday after two years of work. Governor Helen Marsh cut "
     "the ribbon. The state transport department said the bridge cost 48 million dollars."),
    ("Daily Ledger", "Marsh opens costly Millbrook bridge",
     "Governor Helen Marsh opened the Millbrook River Bridge on Monday in a shameless photo "
     "opportunity. The bridge cost 84 million dollars, the state transport department said."),
]
OTHER = ("Science Weekly", "Telescope spots distant comet",
         "Astronomers at the Rubin Observatory in Chile reported a new comet on Tuesday. The comet "
         "is about 12 kilometres wide, the observatory said in a statement.")


@pytest.fixture(scope="session")
def corpus_server(tmp_path_factory, server_class):
    from newsdesk.corpus import ingest
    from newsdesk.serve.settings import Settings
    from newsdesk.store import open_store

    folder = tmp_path_factory.mktemp("corpus")
    feed = folder / "news.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for outlet, title, text in [*EVENT, OTHER]:
            fh.write(json.dumps({"text": text, "title": title, "outlet": outlet,
                                 "published": "2025-06-02",
                                 "url": f"https://{outlet.split()[0].lower()}.example/{len(title)}"}) + "\n")
    db = folder / "corpus.db"
    with open_store(db) as store:
        ingest([str(feed)], store)
    with server_class(Settings(secret="t", db=str(db))) as server:
        yield server


