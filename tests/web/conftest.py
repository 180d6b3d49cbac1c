"""A real ``parley serve`` (uvicorn on 127.0.0.1 and a free port) over real stores, and a real
browser: Debian's ``chromium`` driven by Playwright through ``executable_path`` (Playwright's own
browser downloads are never used). ``scripts/browser-for-tests.sh``, run by ``make test``,
installs it and exports ``PARLEY_TEST_CHROMIUM``; without that variable and without
``/usr/bin/chromium`` the browser tests are skipped, with the variable set they must run.

Stores: ``sample_db``, the bundled sample corpus ingested and analysed once per session;
``hostile_db``, one article full of script and markup (``fixtures/hostile.jsonl``). Servers:
``server`` (sample corpus, write actions on with :data:`TOKEN`), ``hostile_server`` (the hostile
article, no token: write actions off).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, run_cli

SAMPLE = ROOT / "parley" / "data" / "sample"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile.jsonl"
SCREENSHOTS = ROOT / "docs" / "screenshots"
TOKEN = "a-test-token-nobody-guesses"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``parley serve`` in a subprocess, as an operator starts it; ``url(path)``; ``stop()``."""

    def __init__(self, db: Path, token: str | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PARLEY_API_TOKEN"}
        env |= {"NO_PROXY": "127.0.0.1,localhost"}
        if token:
            env["PARLEY_API_TOKEN"] = token
        self.port = free_port()
        command = [sys.executable, "-m", "parley", "serve", "--db", str(db), "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self._wait()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _wait(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"parley serve exited {self.process.returncode}: {self.process.stderr.read()}"
                )
            try:
                if httpx.get(self.url("/api/health"), timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("parley serve did not answer in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _analysed_store(folder: Path, *inputs: Path) -> Path:
    db = folder / "parley.db"
    run_cli("ingest", *map(str, inputs), db=db)
    run_cli("analyse", db=db)
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _analysed_store(tmp_path_factory.mktemp("sample"), SAMPLE)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _analysed_store(tmp_path_factory.mktemp("hostile"), HOSTILE)


@pytest.fixture(scope="session")
def server(sample_db: Path) -> Iterator[Server]:
    running = Server(sample_db, token=TOKEN)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def hostile_server(hostile_db: Path) -> Iterator[Server]:
    running = Server(hostile_db)  # no token: write actions off
    yield running
    running.stop()


@pytest.fixture
def store_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A copy of the analysed sample store that a test may change."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy


# -- the browser ---------------------------------------------------------------------------------


def chromium_path() -> str:
    wanted = os.environ.get("PARLEY_TEST_CHROMIUM")
    for candidate in (wanted, "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    if wanted:
        pytest.fail(f"PARLEY_TEST_CHROMIUM={wanted} does not exist: run scripts/browser-for-tests.sh")
    pytest.skip("no chromium: run `bash scripts/browser-for-tests.sh` (make test does)")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    path = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
        )
        yield launched
        launched.close()


class Watched:
    """A page and everything it reported: console errors, uncaught errors, dialogs (alert …)."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=True)
    watched = Watched(context.new_page())
    yield watched
    context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots: a temporary folder, so a test run leaves
    the checkout clean; ``PARLEY_UPDATE_SCREENSHOTS=1`` writes the ones in docs/ instead."""
    if os.environ.get("PARLEY_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")
