"""A real uvicorn server on loopback running the app factory, one per settings variant."""

from __future__ import annotations

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
