"""The web chat page in a real headless Chromium, over Rasa's socket.io channel.

Opens the page, types a complaint, sees the assistant's question, taps a
button, reloads and still sees the conversation. Saves a screenshot under
results/e2e/.
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness.scripts import BUTTON_ANSWERS
from harness.servers import PROJECT_ROOT, Servers, free_port, wait_until_up

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS = PROJECT_ROOT / "results" / "e2e"
CHECK_IN_DELAY = 3  # seconds from opting in to a due check-in (CHECK_IN_DELAY_SECONDS)
WIDGET = PROJECT_ROOT / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make provision` (as root) first")
    if not WIDGET.exists():
        pytest.fail("the chat widget is missing: cd web && npm ci")
    web_port = free_port()
    origin = f"http://127.0.0.1:{web_port}"
    env = {"WEB_ORIGINS": origin, "CHECK_IN_DELAY_SECONDS": str(CHECK_IN_DELAY), "CHECK_IN_POLL_SECONDS": "0.5"}
    servers = Servers(tmp_path_factory.mktemp("web"), extra_args=["--cors", origin], env=env)
    servers.start_actions()
    servers.start_rasa()
    log = servers.workdir / "web.log"
    static = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(web_port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(PROJECT_ROOT / "web"),
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    wait_until_up(f"{origin}/index.html", static, log)
    yield f"{origin}/index.html?server={servers.url}"
    static.terminate()
    servers.stop_all()


def test_chat_in_the_browser_survives_a_reload(web):
    from playwright.sync_api import expect, sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone-sized screen
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(web)
        expect(page.get_by_role("heading", name="Runner's ankle assistant")).to_be_visible()
        expect(page.locator(".rw-response").first).to_contain_text("Hi", timeout=30_000)

        page.locator(".rw-new-message").fill("my ankle hurts after running")
        page.keyboard.press("Enter")
        expect(page.locator(".rw-response").last).to_contain_text("twist", timeout=30_000)

        page.locator(".rw-reply", has_text="No, it came on gradually").click()
        expect(page.locator(".rw-response").last).to_contain_text("Press firmly", timeout=30_000)

        page.reload()
        expect(page.locator(".rw-client").first).to_contain_text("my ankle hurts after running", timeout=30_000)
        expect(page.locator(".rw-response", has_text="Press firmly")).to_be_visible()
        page.screenshot(path=str(RESULTS / "web_chat.png"), full_page=True)
        browser.close()
    outside = [url for url in fetched if not url.startswith(("http://127.0.0.1", "data:"))]
    assert not outside, f"fetched from the internet: {outside}"


NEWEST_IN_VIEW = """() => {
  // The newest answer: the bot's bubbles since the runner's last message.
  const groups = [...document.querySelectorAll('.rw-message')];
  let first = null, last = null;
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i].querySelector('.rw-client')) break;
    const bubble = groups[i].querySelector('.rw-response');
    if (bubble) { first = bubble; last = last || bubble; }
  }
  const list = document.querySelector('.rw-messages-container').getBoundingClientRect();
  const input = document.querySelector('.rw-new-message').getBoundingClientRect();
  const start = first.getBoundingClientRect(), end = last.getBoundingClientRect();
  return {top: start.top, bottom: end.bottom, listTop: list.top, inputTop: input.top,
          height: end.bottom - start.top, room: input.top - list.top,
          viewport: window.innerHeight, pageHeight: document.documentElement.scrollHeight};
}"""


AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""


UNFOLD_CONVERSATION = """() => {
  const saved = [document.body.style.cssText, document.querySelector('.rw-messages-container').style.cssText];
  document.body.style.cssText = 'height:auto;overflow:visible';
  document.querySelector('.rw-messages-container').style.cssText = 'overflow:visible;flex:none';
  return saved;
}"""
FOLD_CONVERSATION = """(saved) => {
  document.body.style.cssText = saved[0];
  document.querySelector('.rw-messages-container').style.cssText = saved[1];
}"""


def serious_accessibility_violations(page):
    """axe-core, installed from npm (web/package.json), run in the page."""
    assert AXE.exists(), "axe-core is missing: cd web && npm ci"
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]


def newest_in_view(page, label):
    """The newest answer is read from its start: its first bubble starts inside the list,
    and when the whole answer fits, it is all in view; the page itself never scrolls."""
    seen = page.evaluate(NEWEST_IN_VIEW)
    assert seen["pageHeight"] <= seen["viewport"], (label, seen)
    assert seen["listTop"] - 1 <= seen["top"] < seen["inputTop"], (label, seen)
    if seen["height"] <= seen["room"]:
        assert seen["bottom"] <= seen["inputTop"] + 1, (label, seen)


@pytest.mark.parametrize("width,height", [(390, 844), (320, 568), (1366, 768)])
def test_the_newest_answer_is_in_view_without_scrolling(web, width, height):
    """What a person sees: after every message the newest reply is fully on screen
    above the input, and the page itself never scrolls; after a reload the view
    opens at the latest message; the summary can be copied and downloaded; axe-core
    finds no serious accessibility problem (issue #12)."""
    from urllib.parse import unquote

    from playwright.sync_api import expect, sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web.split("/index.html")[0])
        page = context.new_page()
        page.goto(web)
        expect(page.locator(".rw-response").first).to_contain_text("Hi", timeout=30_000)
        expect(page.locator(".rw-messages-container[aria-live=polite]")).to_have_count(1)  # read out as it arrives
        expect(page.locator("#summary-tools")).to_be_hidden()  # nothing to copy before an assessment
        for text in BUTTON_ANSWERS:
            before = page.locator(".rw-response").count()
            page.locator(".rw-new-message").fill(text)
            page.keyboard.press("Enter")
            expect(page.locator(".rw-response")).not_to_have_count(before, timeout=30_000)
            page.wait_for_timeout(700)  # the widget scrolls its list after rendering
            newest_in_view(page, text)
            if text == BUTTON_ANSWERS[0]:  # a question with reply buttons on screen
                assert page.locator(".rw-reply[tabindex='0'][role='button']").count() >= 2  # reachable with Tab
                violations = serious_accessibility_violations(page)
                assert not violations, violations
        expect(page.locator(".rw-response").last).to_contain_text("not a diagnosis", timeout=30_000)
        assert page.locator(".rw-response strong", has_text="1.").count() >= 1  # bold, numbered causes
        font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.rw-new-message')).fontSize)")
        assert font >= 16  # no zoom on iPhone
        page.screenshot(path=str(RESULTS / f"assessment_{width}x{height}.png"))
        whole = page.evaluate(UNFOLD_CONVERSATION)  # the whole assessment on one image, then back
        page.screenshot(path=str(RESULTS / f"assessment_{width}x{height}_whole.png"), full_page=True)
        page.evaluate(FOLD_CONVERSATION, whole)

        # Take it to the physio: copy and download, without Markdown marks.
        expect(page.locator("#copy-summary")).to_be_visible()
        expect(page.locator("#download-plan")).to_be_hidden()  # no calendar link before a plan
        if width > 360:  # the buttons read as words: "Copy summary", not "Copysummary"
            assert page.locator("#copy-summary").inner_text().replace("\u00a0", " ") == "Copy summary"
        page.locator("#copy-summary").click()
        expect(page.locator("#summary-status")).to_have_text("Summary copied.")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith("Summary for a physio or doctor") and "**" not in copied, copied
        assert "came on gradually" in copied and "Advice given:" in copied, copied
        href = page.locator("#download-summary").get_attribute("href")
        assert href.startswith("data:text/plain") and copied in unquote(href)

        violations = serious_accessibility_violations(page)
        assert not violations, violations

        page.reload()  # the view opens at the latest message, and the summary is still there
        expect(page.locator(".rw-response").last).to_contain_text("not a diagnosis", timeout=30_000)
        page.wait_for_timeout(700)
        newest_in_view(page, "after a reload")
        expect(page.locator("#copy-summary")).to_be_visible()
        context.close()
        browser.close()


@pytest.mark.parametrize(
    "origin,allowed", [("page", True), ("http://evil.example", False), ("http://127.0.0.1:1", False)]
)
def test_cors_allows_only_the_page_origin(web, origin, allowed):
    from urllib.parse import parse_qs, urlparse

    import requests

    page = urlparse(web)
    server = parse_qs(page.query)["server"][0]
    origin = f"{page.scheme}://{page.netloc}" if origin == "page" else origin
    response = requests.options(
        f"{server}/webhooks/rest/webhook",
        timeout=10,
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    granted = response.headers.get("Access-Control-Allow-Origin")
    assert (granted == origin) is allowed, response.headers
    assert granted in (None, origin)  # never "*"


def test_the_http_api_is_off_unless_asked_for(web):
    """Started like `make web` (no --enable-api): conversations cannot be read over HTTP."""
    from urllib.parse import parse_qs, urlparse

    import requests

    server = parse_qs(urlparse(web).query)["server"][0]
    response = requests.get(f"{server}/conversations/anyone/tracker", timeout=10)
    assert response.status_code == 404
    assert requests.get(f"{server}/status", timeout=10).status_code == 404


def test_an_emergency_answer_opens_at_its_start_on_a_small_phone(web):
    """At 320 x 568 the urgent advice is on screen right after the message, not
    scrolled past on the way to the summary at the end (found by a phone test)."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 320, "height": 568})
        page.goto(web)
        expect(page.locator(".rw-response").first).to_contain_text("Hi", timeout=30_000)
        page.locator(".rw-new-message").fill("I rolled my ankle on a trail and I can’t put any weight on it")
        page.keyboard.press("Enter")
        expect(page.locator(".rw-response").last).to_contain_text("not a diagnosis", timeout=30_000)
        page.wait_for_timeout(700)
        newest_in_view(page, "emergency")
        urgent = page.locator(".rw-response", has_text="A&E").first.bounding_box()
        input_top = page.locator(".rw-new-message").bounding_box()["y"]
        assert urgent is not None and urgent["y"] < input_top - 40, urgent  # its first lines are readable
        texts = " ".join(page.locator(".rw-response").all_inner_texts())
        assert texts.count("It needs an X-ray") <= 1  # no repeated sentences
        page.screenshot(path=str(RESULTS / "emergency_320x568.png"))
        browser.close()


def test_a_plan_goes_to_the_calendar_and_a_check_in_is_asked_when_the_page_opens_again(web):
    """Issue #15 on the web page: the plan, "Plan to calendar", check-ins opted into, and the
    check-in that fell due while the page was closed shown (in view) when it is opened again."""
    from urllib.parse import unquote

    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(web)
        expect(page.locator(".rw-response").first).to_contain_text("Hi", timeout=30_000)
        for text in BUTTON_ANSWERS:
            before = page.locator(".rw-response").count()
            page.locator(".rw-new-message").fill(text)
            page.keyboard.press("Enter")
            expect(page.locator(".rw-response")).not_to_have_count(before, timeout=30_000)
        expect(page.locator(".rw-response").last).to_contain_text("not a diagnosis", timeout=30_000)
        page.locator(".rw-reply", has_text="Make me a plan").click()
        expect(page.locator(".rw-response", has_text="Walk-run").last).to_be_visible(timeout=30_000)
        calendar = page.locator("#download-plan")
        expect(calendar).to_be_visible()
        ics = unquote(calendar.get_attribute("href"))
        assert ics.startswith("data:text/calendar") and ics.count("BEGIN:VEVENT") == 4, ics[:300]
        page.locator(".rw-reply", has_text="Yes, check in").click()
        expect(page.locator(".rw-response").last).to_contain_text("Open this page again", timeout=30_000)
        page.close()

        time.sleep(CHECK_IN_DELAY + 1)  # due while the page is closed
        page = context.new_page()
        page.goto(web)
        expect(page.locator(".rw-response").last).to_contain_text("How is it today", timeout=30_000)
        page.wait_for_timeout(700)
        newest_in_view(page, "check-in")
        page.locator(".rw-new-message").fill("1")
        page.keyboard.press("Enter")
        expect(page.locator(".rw-response").last).to_contain_text("hurt during your runs", timeout=30_000)
        page.screenshot(path=str(RESULTS / "check_in_390x844.png"))
        browser.close()
