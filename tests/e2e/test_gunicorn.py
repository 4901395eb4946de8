"""Real gunicorn with 3 workers: seeding, cross-worker visibility, README curl examples, schemathesis."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call(url: str, method: str = "GET", body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


@contextlib.contextmanager
def running_server(tmp: Path, **settings: str) -> Iterator[tuple[str, Path]]:
    """gunicorn started as `claimscope serve` starts it, with CLAIMSCOPE_* ``settings``; yields
    its address and log, and stops it."""
    port = free_port()
    env = {
        **os.environ,
        "CLAIMSCOPE_DATA_DIR": str(tmp / "data"),
        "CLAIMSCOPE_BIND": f"127.0.0.1:{port}",
        "CLAIMSCOPE_RATE_LIMIT": "",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp / "metrics"),
        "HF_HUB_OFFLINE": "1",
        **{"CLAIMSCOPE_" + key.upper(): value for key, value in settings.items()},
    }
    (tmp / "metrics").mkdir()
    log_path = tmp / "gunicorn.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service.wsgi:app"],
        cwd=tmp,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if call(base + "/readyz")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, log_path.read_text()
            time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not become ready:\n" + log_path.read_text())
        yield base, log_path
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    with running_server(tmp_path_factory.mktemp("gunicorn"), workers="3") as (base, log):
        yield base, log
    logged = log.read_text()
    assert "Traceback" not in logged, logged


@pytest.fixture
def server(served: tuple[str, Path]) -> str:
    return served[0]


def test_fresh_install_is_seeded_on_first_start(server: str) -> None:
    status, ready = call(server + "/readyz")
    assert status == 200 and ready["articles"] == 5 and ready["passages"] == ready["index_size"]


def test_a_write_is_visible_on_every_worker_at_once(server: str) -> None:
    text = "The Vostok glacier research station recorded minus 89 degrees in the polar winter."
    status, _ = call(server + "/v1/articles", "POST", {"source_id": "vostok", "text": text})
    assert status == 201
    started = time.monotonic()
    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda _: call(server + "/v1/search?q=Vostok%20glacier%20station&k=1"), range(36)))
    assert time.monotonic() - started < 30
    assert all(r[1]["results"][0]["source_id"] == "vostok" for r in results)
    status, _ = call(server + "/v1/articles/vostok", "DELETE")
    assert status == 204
    with ThreadPoolExecutor(12) as pool:
        after = list(pool.map(lambda _: call(server + "/v1/search?q=Vostok%20glacier%20station&k=3"), range(36)))
    assert all("vostok" not in {hit["source_id"] for hit in r[1]["results"]} for r in after)


def test_concurrent_writes_lose_and_duplicate_nothing(server: str) -> None:
    def write(i: int) -> int:
        body = {
            "source_id": f"conc-{i}",
            "text": f"Report {i} says the ferry line {i} reopened on a Monday. Tickets cost {i} euros.",
        }
        return call(server + "/v1/articles", "POST", body)[0]

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(write, range(16))) == {201}
    with ThreadPoolExecutor(6) as pool:
        readies = [r[1] for r in pool.map(lambda _: call(server + "/readyz"), range(18))]
    passages = {r["passages"] for r in readies}
    assert len(passages) == 1 and all(r["index_size"] == r["passages"] for r in readies)
    _, listing = call(server + "/v1/articles?limit=500")
    assert len([a for a in listing["articles"] if a["source_id"].startswith("conc-")]) == 16


def readme_curl_lines() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- curl-examples:start -->", 1)[1].split("<!-- curl-examples:end -->", 1)[0]
    return [line for line in block.splitlines() if line.startswith("curl ")]


def test_long_urls_get_problems_not_gunicorn_html(server: str) -> None:
    status, body = call(server + "/v1/search?q=" + "a" * 6000)  # past gunicorn's own 4094-byte default
    assert status == 422 and body["errors"]["query"]["q"]
    status, body = call(server + "/v1/search?q=" + "a" * 9000)
    assert status == 414 and body["type"].endswith("/uri-too-long")


def raw_exchange(server: str, request: bytes) -> tuple[int, str, dict[str, Any]]:
    """Send bytes no HTTP client library would, and read the status, content type and body."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers["Content-Type"], json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400),
        (
            b"POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
            400,
        ),
    ],
)
def test_requests_gunicorn_cannot_parse_get_problems_not_html(server: str, request_bytes: bytes, status: int) -> None:
    """gunicorn answers these itself, or raises while the app reads the body; the module's server
    fixture then checks that no traceback was logged."""
    got, content_type, body = raw_exchange(server, request_bytes)
    assert (got, content_type, body["status"]) == (status, "application/problem+json", status)
    assert body["type"].startswith("https://claimscope.dev/problems/")


def test_readme_curl_examples_run(server: str) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    lines = readme_curl_lines()
    assert len(lines) >= 12
    for line in lines:
        command = line.replace("localhost:8000", server.removeprefix("http://")).replace(
            "curl ", "curl --fail-with-body ", 1
        )
        result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (line, result.stdout, result.stderr)
        assert result.stdout.strip(), line
        if re.search(r"/v1/(verify|articles|search)", line) and "DELETE" not in line:
            json.loads(result.stdout)


def test_schemathesis_finds_nothing(server: str, tmp_path: Path) -> None:
    st = shutil.which("st") or str(Path(sys.executable).parent / "st")
    result = subprocess.run(
        [
            st,
            "run",
            f"{server}/openapi.json",
            "--checks",
            "all",
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            "8",
            "--seed",
            "7",
            "--generation-database",
            "none",
            "--max-time",
            "120",
            # A generated batch can ask for stance on 16 claims x 52 passages, over 800 pairs: about
            # 6.5 s at the int8 model's 127 pairs/s (bench/results/stance.md) on two idle cores, and
            # past schemathesis's 10 s default on a busy machine. This test checks responses against
            # the schema; latency is bench/stance.py's business.
            "--request-timeout",
            "60",
            "--no-color",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=400,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:]


def test_a_request_past_the_timeout_is_a_problem_and_safe_to_send_again(tmp_path: Path) -> None:
    """gunicorn aborts the worker and would answer 500 "Internal Server Error"; the client hears it
    was the time limit, and the store is whole for the next worker. The same server shows the
    access log carrying a request id."""
    sentences = [f"The council met on day {i} and the harbour stayed closed after the storm." for i in range(2500)]
    big = {"source_id": "big", "text": " ".join(sentences)}  # about 8 s to embed on two cores
    with running_server(tmp_path, workers="1", timeout="2", seed_on_start="false") as (base, log):
        status, body = call(base + "/v1/articles", "POST", big)
        assert status == 503 and body["type"].endswith("/timeout"), body
        assert "CLAIMSCOPE_TIMEOUT" in body["detail"] and "sending it again is safe" in body["detail"]
        assert call(base + "/v1/articles/big")[0] == 404, "stopped before it was stored, and nothing half-stored"
        status, ready = call(base + "/readyz")
        assert status == 200 and ready["passages"] == ready["index_size"]
        small = {"source_id": "small", "text": "The harbour reopened on Friday."}
        assert call(base + "/v1/articles", "POST", small)[0] == 201
        traced = urllib.request.Request(base + "/healthz", headers={"X-Request-ID": "e2e-trace-1"})
        with urllib.request.urlopen(traced, timeout=10) as answer:
            assert answer.headers["X-Request-ID"] == "e2e-trace-1"
    logged = log.read_text()
    assert '"path": "/v1/articles", "status": 503' in logged and "Traceback" not in logged, logged
    assert '"path": "/healthz", "status": 200' in logged and '"request_id": "e2e-trace-1"' in logged, logged


def test_every_access_log_line_is_one_json_object_whatever_the_request(served: tuple[str, Path]) -> None:
    """gunicorn only escapes double quotes: a path's %0A wrote a forged second line, and a user
    agent ending in a backslash broke the JSON."""
    base, log = served
    forged = "/v1/x" + urllib.parse.quote('\n{"remote": "forged", "status": 200}"\\\t')
    status, content_type, _ = raw_exchange(
        base, f"GET {forged} HTTP/1.1\r\nHost: x\r\nUser-Agent: agent\\\r\n\r\n".encode()
    )
    assert status == 404 and content_type == "application/problem+json"
    time.sleep(0.5)  # the worker writes the line after answering
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    assert not any(e["remote"] == "forged" for e in entries)
    mine = [e for e in entries if e["path"].startswith("/v1/x\n")]
    assert mine and mine[-1]["agent"] == "agent\\" and mine[-1]["status"] == 404, mine
