"""Load on the REST API: N concurrent clients POST /briefs for a fixed time, on loopback.

    python benchmarks/bench_web_load.py [--clients 50] [--seconds 30] [--workers 2]

Starts `uvicorn newsdesk.serve:create_app --factory` in a subprocess on 127.0.0.1, then runs the
clients (asyncio + httpx) with the bundled sample articles in turn. Every request is bounded by a
timeout and the run stops by itself. Prints errors, p50/p99 latency and throughput as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, seconds: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


async def run_clients(url: str, clients: int, seconds: float, bodies: list[dict]) -> dict:
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    stop_at = time.monotonic() + seconds

    async def client(k: int) -> None:
        async with httpx.AsyncClient(timeout=120) as http:
            i = k
            while time.monotonic() < stop_at:
                body = bodies[i % len(bodies)]
                i += clients
                start = time.perf_counter()
                try:
                    r = await http.post(url + "/briefs", json=body)
                    if r.status_code != 200:
                        errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                        continue
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                    continue
                latencies.append(time.perf_counter() - start)

    started = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float | None:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 3) if latencies else None

    return {"clients": clients, "seconds": round(elapsed, 1), "requests_ok": len(latencies),
            "errors": sum(errors.values()), "error_kinds": errors, "p50_s": pct(0.50),
            "p99_s": pct(0.99), "throughput_rps": round(len(latencies) / elapsed, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from newsdesk.samples import sample_record, sample_ids

    bodies = [{"text": sample_record(i)["text"], "published": sample_record(i)["published"],
               "outlet": "Wikinews"} for i in sample_ids()]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "newsdesk.serve:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
         "--log-level", "warning"],
        env={**os.environ, "NEWSDESK_MAX_BYTES": "2000000"},
    )
    try:
        wait_ready(url)
        result = asyncio.run(run_clients(url, args.clients, args.seconds, bodies))
    finally:
        server.terminate()
        server.wait(timeout=30)
    result["server_workers"] = args.workers
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
