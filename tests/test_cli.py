"""The CLI end to end, in a real subprocess: output formats, stdin, and every bad input giving a
one-line error and its documented exit code, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args, stdin: bytes | None = None, timeout: float = 120):
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def assert_clean_error(code: int, err: str, expected_code: int):
    assert code == expected_code, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsdesk: error:"), err


def test_seed_markdown_has_every_section(seed_path):
    code, out, err = run("brief", str(seed_path), "--published", "2026-02-03")
    assert code == 0, err
    for section in ("## Editorial Perspectives", "## Takeaways", "## Key Verifiable Facts",
                    "## Not verifiable"):
        assert section in out


def test_seed_json_resolves_the_meeting_date_and_validates(seed_path, tmp_path):
    import jsonschema

    code, out, err = run("brief", str(seed_path), "--format", "json", "--published", "2026-02-03")
    assert code == 0, err
    brief = json.loads(out)
    values = {t["value"] for t in brief["times"] if t["value"]}
    assert "2026-02-03" in values
    code, schema_text, _ = run("schema")
    assert code == 0
    jsonschema.validate(brief, json.loads(schema_text))


def test_stdin_and_output_file(tmp_path):
    text = ("The city council approved a budget of 12 million dollars on Monday. "
            "Mayor Jane Doe said the plan would fund three new schools.\n").encode()
    target = tmp_path / "brief.html"
    code, out, err = run("brief", "-", "--format", "html", "-o", str(target),
                         "--published", "2025-05-07", stdin=text)
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Jane Doe" in page


def test_demo_runs_on_a_bundled_sample():
    code, out, err = run("demo")
    assert code == 0, err
    assert "## Key Verifiable Facts" in out and "CC-BY 2.5" in out


def test_eval_unknown_task_is_a_clean_error(tmp_path):
    code, _, err = run("eval", "nope", "--data", str(tmp_path))
    assert_clean_error(code, err, 5)


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", 2),
        ("blank.txt", b"   \n\n  ", 2),
        ("binary.bin", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, 2),
        ("noarticle.html", b"<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>", 2),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    rc, _, err = run("brief", str(path))
    assert_clean_error(rc, err, code)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    rc, _, err = run("brief", str(path))
    assert_clean_error(rc, err, 2)


def test_missing_file_is_refused(tmp_path):
    rc, _, err = run("brief", str(tmp_path / "nope.txt"))
    assert_clean_error(rc, err, 2)


def test_loopback_url_is_refused_without_opt_in():
    rc, _, err = run("brief", "http://127.0.0.1:9/article")
    assert_clean_error(rc, err, 3)


def test_non_utf8_bytes_are_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président Emmanuel Macron a visité Marseille le 3 mars 2025. "
                     "Il a annoncé un plan de 2 milliards d'euros.".encode("cp1252"))
    rc, out, err = run("brief", str(path), "--format", "json")
    assert rc == 0, err
    brief = json.loads(out)
    assert "président" in brief["article"]["text"]
    assert any(n.startswith("Not analysed: the text looks like French") for n in brief["notices"])


def test_bad_published_date_is_a_clean_error(seed_path):
    rc, _, err = run("brief", str(seed_path), "--published", "yesterday-ish")
    assert_clean_error(rc, err, 2)


def test_url_that_times_out_is_a_clean_error():
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(3)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story"
        rc, _, err = run("brief", url, "--allow-private", "--timeout", "0.5")
    finally:
        server.shutdown()
    assert_clean_error(rc, err, 3)
    assert "timed out" in err or "timeout" in err.lower()


def test_article_served_on_loopback_with_opt_in():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = ("<html><head><title>Council passes budget</title></head><body><article>"
            "<h1>Council passes budget</h1>" + "<p>The city council approved a budget of 12 million "
            "dollars on Monday, officials said. Mayor Jane Doe said the plan funds three schools.</p>" * 3
            + "</article></body></html>").encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story"
        rc, _, err = run("brief", url)
        assert_clean_error(rc, err, 3)  # refused without the opt-in
        rc, out, err = run("brief", url, "--allow-private", "--format", "json")
    finally:
        server.shutdown()
    assert rc == 0, err
    assert json.loads(out)["article"]["url"] == url


def test_non_english_text_is_not_analysed_unless_asked(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Die Bundesregierung hat am Dienstag in Berlin ein neues Gesetz beschlossen. "
                    "Der Kanzler sagte, das sei ein wichtiger Schritt für die Wirtschaft.\n",
                    encoding="utf-8")
    rc, out, err = run("brief", str(path))
    assert rc == 0, err
    assert "Not analysed: the text looks like German" in out and "**Genre:** not analysed" in out
    assert "Loaded language:** none found" in out
    rc, out, err = run("brief", str(path), "--any-language", "--format", "json")
    assert rc == 0, err
    brief = json.loads(out)
    assert brief["perspectives"]["genre"] is not None
    assert not any(n.startswith("Not analysed:") for n in brief["notices"])
