"""Views in a real browser: headless Chromium (Debian's) opens each page from file:// with no network.

Skipped, with the reason, when Chromium or the playwright package is missing, except under CI
(env CI set), where that is a failure.
"""
import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kg import views

from test_views import BREAKOUT, XSS, synthetic, write_small_views

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SETTLE_SECONDS = 3.0


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required under CI: .ci/run installs chromium)")
    pytest.skip(reason)


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        _unavailable("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """One opened view, with everything it logged, requested or tried to pop up."""

    def __init__(self, browser, path: Path, viewport=(1280, 800), network=True):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                           else route.abort())
        started = time.monotonic()
        self.page.goto(path.as_uri())
        self.ready = self.wait("window.kgReady === true", SETTLE_SECONDS + 2) if network else None
        self.seconds = time.monotonic() - started

    def js(self, expression: str):
        # page.evaluate goes through the debugger protocol, which the page's CSP does not restrict
        return self.page.evaluate(expression)

    def wait(self, expression: str, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.js(expression):
                return True
            time.sleep(0.05)
        return False

    def node_id(self, label: str) -> int:
        return self.js(f"window.kgView.data.nodes.find(n => n.label === {label!r}).id")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def small_views(tmp_path_factory):
    return write_small_views(tmp_path_factory.mktemp("small"))


@pytest.fixture
def open_view(browser):
    opened = []

    def _open(path: Path, **kwargs) -> Page:
        opened.append(Page(browser, path, **kwargs))
        return opened[-1]

    yield _open
    for page in opened:
        page.close()


def canvas_ink(page: Page) -> int:
    """Pixels of the network canvas that are not (near) white."""
    from PIL import Image

    shot = Image.open(io.BytesIO(page.page.locator("#kg-network canvas").screenshot())).convert("L")
    return sum(count for level, count in enumerate(shot.histogram()) if level < 235)


def assert_clean_view(page: Page, path: Path) -> None:
    assert page.ready, f"{path.name}: not settled within {SETTLE_SECONDS + 2} s"
    assert page.seconds < SETTLE_SECONDS, f"{path.name}: settled after {page.seconds:.2f} s"
    assert page.errors == [], page.errors
    assert page.dialogs == []
    assert [url for url in page.requests if not url.startswith("file://")] == []
    before = page.js("JSON.stringify(window.kgView.network.getPositions())")
    time.sleep(0.25)
    assert page.js("JSON.stringify(window.kgView.network.getPositions())") == before, "still moving"
    assert canvas_ink(page) > 1500, f"{path.name}: the canvas looks empty"


VIEWS = ["graph.html", "programmes.html", "institutions.html", "awards.html", "mechanisms.html",
         "ego-爱心点名-d1.html"]


@pytest.mark.parametrize("name", VIEWS)
def test_browser_view_settles_draws_and_requests_nothing(open_view, small_views, name):
    page = open_view(small_views / name)
    assert_clean_view(page, small_views / name)


def test_browser_sample_views_settle_within_three_seconds(open_view, sample_build, tmp_path):
    out_dir, _, _ = sample_build
    views.write_views(out_dir, tmp_path, overview=False)
    pages = sorted(p for p in tmp_path.glob("*.html") if p.name != "index.html")
    assert pages
    for path in pages:
        assert_clean_view(open_view(path), path)


def test_browser_hostile_names_show_as_text_and_run_nothing(open_view, small_views):
    page = open_view(small_views / "programmes.html")
    assert page.ready
    node = page.node_id(XSS)
    assert page.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    # hover the node: its tooltip holds the name as text
    x, y = page.js(f"(() => {{ const p = window.kgView.network.getPositions([{node}])[{node}];"
                   f" const d = window.kgView.network.canvasToDOM(p);"
                   f" const r = document.querySelector('#kg-network canvas').getBoundingClientRect();"
                   f" return [r.left + d.x, r.top + d.y]; }})()")
    page.page.mouse.move(x, y)
    assert page.wait("(() => { const t = document.querySelector('.vis-tooltip');"
                     " return t && t.style.visibility !== 'hidden' && t.textContent.length > 0; })()", 3)
    tooltip = page.js("document.querySelector('.vis-tooltip').textContent")
    assert tooltip.startswith(XSS) and page.js("document.querySelector('.vis-tooltip img')") is None
    # search for it: the details panel shows the raw text, still no element made from it
    page.page.fill("#kg-search", XSS)
    page.page.press("#kg-search", "Enter")
    assert page.js("window.kgView.network.getSelectedNodes()") == [node]
    assert page.js("document.querySelector('#kg-details-body h3').textContent") == XSS
    page.page.fill("#kg-search", BREAKOUT)
    page.page.press("#kg-search", "Enter")
    assert page.js("document.querySelector('#kg-details-body h3').textContent") == BREAKOUT
    time.sleep(0.2)
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.querySelectorAll('script').length") == 3    # data, vis-network, the app
    assert page.dialogs == [] and page.errors == []


def test_browser_search_box_finds_and_focuses_a_node_by_name_or_alias(open_view, small_views):
    page = open_view(small_views / "graph.html")
    assert page.ready
    target = page.node_id("爱心点名")
    page.page.fill("#kg-search", "爱心点名项目")          # an alias
    page.page.click("#kg-search-form button")
    assert page.js("window.kgView.network.getSelectedNodes()") == [target]
    # the view moves to centre the node
    assert page.wait(f"(() => {{ const n = window.kgView.network; const p = n.getPositions([{target}])[{target}];"
                     f" const d = n.canvasToDOM(p); const c = document.querySelector('#kg-network');"
                     f" return Math.abs(d.x - c.clientWidth / 2) < 30 && Math.abs(d.y - c.clientHeight / 2) < 30; }})()",
                     2)
    assert "独居老人" in page.js("document.querySelector('#kg-details-body').textContent")
    page.page.fill("#kg-search", "不存在")
    page.page.press("#kg-search", "Enter")
    assert "Not found" in page.js("document.querySelector('#kg-search-status').textContent")


def test_browser_type_and_status_filters_hide_nodes(open_view, small_views):
    page = open_view(small_views / "graph.html")
    assert page.ready
    total = page.js("window.kgView.visibleNodeIds().length")
    ink = canvas_ink(page)
    page.page.uncheck("#kg-types input[data-filter='Program']")
    shown = page.js("window.kgView.visibleNodeIds().map(id => window.kgView.data.nodes[id].type)")
    assert "Program" not in shown and len(shown) == total - 2
    page.page.check("#kg-types input[data-filter='Program']")
    page.page.uncheck("#kg-statuses input[data-filter='planned']")
    shown = page.js("window.kgView.visibleNodeIds().map(id => window.kgView.data.nodes[id].label)")
    assert "睦邻议事会" not in shown and XSS not in shown and "爱心点名" in shown
    assert page.js("window.kgView.edges.get().filter(e => !e.hidden).length") < page.js("window.kgView.edges.length")
    page.page.uncheck("#kg-statuses input[data-filter='achieved']")
    assert page.js("window.kgView.visibleNodeIds().length") == 0
    assert canvas_ink(page) < ink
    assert "0 / " in page.js("document.querySelector('#kg-count').textContent")


def test_browser_large_view_draws_with_precomputed_positions(open_view, tmp_path):
    views.write_views(synthetic(1200, types=("Place", "TargetGroup", "Facility")), tmp_path, overview=False)
    page = open_view(tmp_path / "graph.html")
    assert page.js("window.kgView.data.physics") is False
    assert_clean_view(page, tmp_path / "graph.html")
    assert "physics off" in page.js("document.querySelector('#kg-notes').textContent")


def test_browser_index_links_load_and_picture_shows(open_view, small_views):
    page = open_view(small_views / "index.html", network=False)
    assert page.errors == [] and [u for u in page.requests if not u.startswith("file://")] == []
    assert page.js("document.querySelector('img').naturalWidth") > 500
    links = page.js("Array.from(document.querySelectorAll('td a')).map(a => a.getAttribute('href'))")
    assert links == VIEWS


def test_browser_chinese_labels_render_with_a_cjk_font(open_view, small_views):
    page = open_view(small_views / "awards.html")
    assert page.ready
    # Without a CJK font every Chinese character is the same "tofu" box: two characters drawn in the
    # labels' font must differ.
    distinct = page.js("""(() => {
        const canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48;
        const ctx = canvas.getContext('2d');
        const draw = ch => { ctx.clearRect(0, 0, 48, 48); ctx.font = '36px ' + getComputedStyle(document.body).fontFamily;
                             ctx.fillText(ch, 4, 40); return canvas.toDataURL(); };
        return draw('爱') !== draw('心') && draw('心') !== draw('街'); })()""")
    if not distinct:
        fonts = ""
        if shutil.which("fc-list"):
            fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
        if not fonts.strip():
            _unavailable("no CJK font installed (apt-get install fonts-wqy-microhei)")
    assert distinct, "Chinese characters render as identical boxes"
