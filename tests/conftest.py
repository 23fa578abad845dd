"""Shared fixtures: the ../shared/data corpora, NLTK data, strict matplotlib hygiene, and
JupyterLab with chromium for the real-browser tests."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared" / "data").resolve()
REQUIRE_SHARED = os.environ.get("FRAMING_REQUIRE_SHARED_DATA") == "1"

os.environ.setdefault("MPLBACKEND", "Agg")
# framing's table cache (framing/_cache.py) goes to a folder of this test run, never to the
# user's ~/.cache; worker processes and notebook kernels inherit it
if "FRAMING_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")
# NLTK_DATA may be given relative to the project (../shared/data/nltk_data); make it absolute
# so that subprocesses and notebook kernels started in other folders find it too.
if os.environ.get("NLTK_DATA"):
    os.environ["NLTK_DATA"] = os.pathsep.join(
        str(Path(p).resolve()) for p in os.environ["NLTK_DATA"].split(os.pathsep) if p
    )


def _shared(*parts: str) -> Path:
    """A path in ../shared/data; skip (or fail in CI) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        why = f"needs {path} (the shared corpora beside the project; see README)"
        if REQUIRE_SHARED:
            pytest.fail(why + " and FRAMING_REQUIRE_SHARED_DATA=1 is set")
        pytest.skip(why)
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder ../shared/data."""
    return _shared()


@pytest.fixture(scope="session")
def news_dir() -> Path:
    """The folder ../shared/data/news (real dated press releases and Reuters-21578)."""
    return _shared("news")


@pytest.fixture(scope="session")
def nltk_data() -> Path:
    """Point NLTK at ../shared/data/nltk_data (never downloads)."""
    path = _shared("nltk_data")
    import nltk

    if str(path) not in nltk.data.path:
        nltk.data.path.insert(0, str(path))
    return path


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


# -- the real-browser tests (tests/test_browser*.py) --------------------------------------------
# JupyterLab on 127.0.0.1 (a free port, a random token) in a temporary root, and Debian's
# chromium driven by Playwright for Python (found on PATH or $CHROMIUM; never `playwright
# install`). Screenshots and server logs go to $BROWSER_TEST_ARTIFACTS (default
# ./browser-artifacts). The tests skip when a tool is missing, unless REQUIRE_BROWSER=1 (CI),
# which makes them fail. One Playwright for the whole run: two in one process fail. Follows
# /work/shared/recipes/browser_test_example.py.

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
# Playwright adds --headless, --no-sandbox and a temporary --user-data-dir itself.
CHROMIUM_ARGS = [
    "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
BROWSER_TIMEOUT_MS = 90_000  # a cold JupyterLab + kernel on a busy 2-core machine is slow
# Runs code in the kernel of the notebook on screen; what it prints is the result.
IN_KERNEL = """async (code) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    const future = kernel.requestExecute({code, silent: false, store_history: false});
    let out = '';
    future.onIOPub = (msg) => {
        if (msg.header.msg_type === 'stream') out += msg.content.text;
        if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.evalue; };
    await future.done;
    return out; }"""


@pytest.fixture(scope="session")
def browser_tools() -> None:
    """Skip (or fail, with REQUIRE_BROWSER=1) when a tool of the browser tests is missing."""
    from importlib.util import find_spec

    needs = [
        ("pip install playwright", find_spec("playwright") is not None),
        ("apt-get install chromium", Path(CHROMIUM).exists()),
        ("pip install jupyterlab nbformat", bool(find_spec("jupyterlab") and find_spec("nbformat"))),
        ("pip install ipyevents", find_spec("ipyevents") is not None),
    ]  # fmt: skip
    missing = [need for need, ok in needs if not ok]
    if missing:
        why = "the browser tests need: " + "; ".join(missing) + " (no `playwright install`)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(why + ", and REQUIRE_BROWSER=1 is set")
        pytest.skip(why)


@pytest.fixture(scope="session")
def artifacts(browser_tools) -> Path:
    """Where screenshots and server logs go ($BROWSER_TEST_ARTIFACTS)."""
    path = Path(os.environ.get("BROWSER_TEST_ARTIFACTS", "browser-artifacts")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser(browser_tools):
    """Debian's chromium, through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, artifacts, request):
    """A fresh page (1280 x 1600); a full-page screenshot when the test ends, which fails
    on any uncaught JavaScript error."""
    from playwright.sync_api import expect

    ctx = browser.new_context(viewport={"width": 1280, "height": 1600})
    pg = ctx.new_page()
    pg.set_default_timeout(BROWSER_TIMEOUT_MS)
    expect.set_options(timeout=BROWSER_TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    pg.screenshot(path=artifacts / f"{request.node.name}-final.png", full_page=True)
    ctx.close()
    assert not errors, f"uncaught JavaScript errors: {errors}"


class JupyterLab:
    """A JupyterLab server the tests talk to: its root folder, address and token."""

    def __init__(self, root: Path, base: str, token: str):
        self.root, self.base, self.token = root, base, token

    def shut_down_kernels(self) -> None:
        """Shut every kernel down (through the REST API)."""
        import json
        import urllib.request

        auth = {"Authorization": f"token {self.token}"}
        request = urllib.request.Request(f"{self.base}/api/sessions", headers=auth)
        with urllib.request.urlopen(request) as r:
            for s in json.load(r):
                urllib.request.urlopen(
                    urllib.request.Request(
                        f"{self.base}/api/sessions/{s['id']}", method="DELETE", headers=auth
                    )  # fmt: skip
                )

    def open_and_run_all(self, page, name: str) -> None:
        """Open a notebook of the root with a fresh kernel, wait until the kernel is idle,
        then Run All (outputs cleared first)."""
        self.shut_down_kernels()
        page.goto(f"{self.base}/lab/tree/{name}?token={self.token}&reset")
        page.wait_for_function(
            """() => { const w = window.jupyterapp?.shell.currentWidget;
                       return w?.sessionContext?.isReady
                           && w.sessionContext.session?.kernel?.status === 'idle'; }""",
            polling=250,
        )
        page.evaluate(
            """async () => {
            const cmd = window.jupyterapp.commands;
            await cmd.execute('notebook:clear-all-cell-outputs');
            cmd.execute('notebook:run-all-cells'); }"""
        )

    def in_kernel(self, page, code: str) -> str:
        """Run ``code`` in the kernel of the notebook on screen; what it printed."""
        return page.evaluate(IN_KERNEL, code)


def lab_root(folder: Path) -> Path:
    """Write JupyterLab's settings into ``folder``: no "Jupyter news?" toast (it covers
    widgets), and every cell rendered (no windowing)."""
    settings = folder / ".lab-settings" / "@jupyterlab"
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}'
    )
    (settings / "notebook-extension").mkdir()
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none"}'
    )
    return folder


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(cmd, cwd: Path, port: int, log_path: Path, ready_path: str = "/"):
    """Start a server in its own process group; yield once it answers HTTP; stop it."""
    import signal
    import subprocess
    import time
    import urllib.error
    import urllib.request

    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(cwd / ".jupyter-config"),
        JUPYTER_RUNTIME_DIR=str(cwd / ".jupyter-runtime"),
    )
    log = open(log_path, "w")
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{log_path.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=5)
                break
            except urllib.error.HTTPError:  # it answers: it is up
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"server not up on port {port}; see {log_path}") from None
                time.sleep(0.25)
        yield
    finally:
        proc.terminate()  # lets Jupyter shut its kernels down
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # only the group started here
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def jupyterlab(browser_tools, tmp_path_factory, artifacts, request):
    """A JupyterLab server for the tests of one module, in a root of its own (write the
    notebooks there); its log is ``jupyterlab.log`` (``jupyterlab-<module>.log`` for any
    module but test_browser.py) in the artifacts."""
    import secrets
    import sys

    root = lab_root(tmp_path_factory.mktemp("lab"))
    module = request.module.__name__.rpartition(".")[2]
    log = "jupyterlab.log" if module == "test_browser" else f"jupyterlab-{module}.log"
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={root / '.lab-settings'}",
        f"--LabApp.workspaces_dir={root / '.workspaces'}",
    ]  # fmt: skip
    with server(cmd, root, port, artifacts / log, "/api/status"):
        yield JupyterLab(root, f"http://127.0.0.1:{port}", token)


@pytest.fixture(scope="module")
def example():
    """The teaching corpus as a plain table (no ingest bookkeeping), ready to be written out:
    wire stories republished, quotes in every style, reported speech and negations."""
    import framing as fr

    articles = fr.load_example().drop(columns=["source", "encoding"])
    articles.attrs = {}
    return articles


@pytest.fixture(scope="module")
def lexicon():
    """framing's bundled security lexicon (a test module may define its own)."""
    import framing as fr

    return fr.load_lexicon("security")


@pytest.fixture
def hit():
    """``hit(text, word, occurrence=0, lang=None)``: the voice, speaker and negation
    ``framing.add_voice`` gives the ``occurrence``-th ``word`` of ``text`` (one article)."""
    import pandas as pd

    from framing.voices import add_voice

    def voice_of(text: str, word: str, occurrence: int = 0, lang: str | None = None) -> dict:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(word, start + 1)
        articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
        if lang is not None:
            articles["lang"] = lang
        hits = pd.DataFrame({"article_id": ["a"], "start": [start], "end": [start + len(word)]})
        return add_voice(hits, articles).iloc[0][["voice", "speaker", "negated"]].to_dict()

    return voice_of


@pytest.fixture
def quote_speaker():
    """``quote_speaker(text, quote, lang=None)``: the speaker ``framing.find_quotes`` gives
    the quoted span whose words are ``quote`` in ``text`` (one article)."""
    import pandas as pd

    from framing.voices import find_quotes

    def speaker_of(text: str, quote: str, lang: str | None = None) -> str:
        articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
        if lang is not None:
            articles["lang"] = lang
        found = find_quotes(articles)
        return found.loc[found["text"] == quote, "speaker"].item()

    return speaker_of
