"""Accessibility, HTML and Lighthouse audit of the public pages of a running archive.

    ../../.venv/bin/python audit.py [BASE_URL] [--only axe,vnu,lighthouse] [--extra] [--out DIR]

Finds one page of each public type by following links from the home page (nothing about the data is
written here: festivals, people and quotes are whatever the site links to), then

- runs axe-core (the copy bundled in axe-playwright-python) in Chromium, in four variants: desktop
  and mobile viewports, light and dark colour schemes;
- runs the Nu HTML checker (vnu.jar from node_modules) on the HTML as the server sent it;
- runs Lighthouse (node_modules) on the home, panel, person and quote-search pages, mobile and
  desktop.

Prints a Markdown report and writes it, with the raw results, to --out (default: reports/ here).
Exit status: 0 when every target is met, 1 when one is missed, 2 when the audit itself could not run.
See README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
ITERATOR_HELPERS = HERE / "iterator-helpers.mjs"
LIGHTHOUSE_ATTEMPTS = 3

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags this machine needs (the same as tests/browser/conftest.py); Lighthouse adds --headless.
CHROME_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

USER_AGENT = "festival-archive-audit/1 (+bench/audit)"

# Page types of the issue, in report order. The path shapes mirror articles/urls.py; a page is
# recognised by the shape of its address, never by a name from the demo data.
PAGE_TYPES = OrderedDict(
    [
        ("home", "Home"),
        ("festival", "Festival"),
        ("edition", "Festival edition"),
        ("panel", "Panel / session"),
        ("person", "Person"),
        ("topic", "Topic"),
        ("article", "Article"),
        ("quote-search", "Quote search (with results)"),
        ("quote", "Quote permalink"),
        ("404", "Not found (404)"),
    ]
)
# Also audited with --extra (not in the list): the listing pages and the site search.
EXTRA_TYPES = OrderedDict(
    [
        ("festival-list", "Festival list"),
        ("person-list", "People list"),
        ("topic-list", "Topic list"),
        ("article-list", "Article list"),
        ("quote-list", "Quote list (no filter)"),
        ("site-search", "Site search (with results)"),
    ]
)
DETAIL_PATTERNS = [
    ("panel", re.compile(r"^/festivals/[^/]+/\d{4}/[^/]+/$")),
    ("edition", re.compile(r"^/festivals/[^/]+/\d{4}/$")),
    ("festival", re.compile(r"^/festivals/[^/]+/$")),
    ("person", re.compile(r"^/people/(?!suggest/)[^/]+/$")),
    ("topic", re.compile(r"^/topics/[^/]+/$")),
    ("article", re.compile(r"^/articles/[^/]+/$")),
    ("quote", re.compile(r"^/quotes/\d+/$")),
]
LIGHTHOUSE_TYPES = ["home", "panel", "person", "quote-search"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = OrderedDict(
    [
        ("first-contentful-paint", "FCP"),
        ("largest-contentful-paint", "LCP"),
        ("total-blocking-time", "TBT"),
        ("cumulative-layout-shift", "CLS"),
        ("speed-index", "SI"),
    ]
)
CATEGORY_SHORT = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}

AXE_VARIANTS = OrderedDict(
    [
        ("desktop-light", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}),
        ("desktop-dark", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}),
        (
            "mobile-light",
            {
                "viewport": {"width": 412, "height": 823},
                "device_scale_factor": 1.75,
                "is_mobile": True,
                "has_touch": True,
                "color_scheme": "light",
            },
        ),
        (
            "mobile-dark",
            {
                "viewport": {"width": 412, "height": 823},
                "device_scale_factor": 1.75,
                "is_mobile": True,
                "has_touch": True,
                "color_scheme": "dark",
            },
        ),
    ]
)


class AuditError(Exception):
    """The audit could not run (server down, a tool missing, a page type not found)."""


# --------------------------------------------------------------------------------------------------
# Fetching and parsing


def fetch(url, accept_encoding=None):
    """GET url; returns (status, headers, body text). 4xx/5xx answers are returned, not raised."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,*/*"}
    if accept_encoding:
        headers["Accept-Encoding"] = accept_encoding
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, head, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, raw = error.code, error.headers, error.read()
    except (urllib.error.URLError, OSError) as error:
        raise AuditError(f"cannot fetch {url}: {error}") from error
    if accept_encoding:
        return status, head, raw
    charset = head.get_content_charset() or "utf-8"
    return status, head, raw.decode(charset, errors="replace")


class PageParser(HTMLParser):
    """Links (in document order, with their text and whether they are inside <main>), forms and assets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # dicts: href, text, in_main
        self.forms = []  # dicts: action, method, fields (names), role
        self.assets = []  # (kind, url)
        self._main_depth = 0
        self._open_link = None
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._main_depth += 1
        elif tag == "a" and attrs.get("href") is not None:
            self._open_link = {"href": attrs["href"], "text": "", "in_main": self._main_depth > 0}
            self.links.append(self._open_link)
        elif tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "role": attrs.get("role"),
                "fields": [],
            }
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea") and self._form is not None and attrs.get("name"):
            self._form["fields"].append(attrs["name"])
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.assets.append(("stylesheet", attrs["href"]))
        elif tag == "link" and "icon" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.assets.append(("icon", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.assets.append(("script", attrs["src"]))

    def handle_endtag(self, tag):
        if tag == "main" and self._main_depth:
            self._main_depth -= 1
        elif tag == "a":
            self._open_link = None
        elif tag == "form":
            self._form = None

    def handle_data(self, data):
        if self._open_link is not None:
            self._open_link["text"] += data


def parse(html):
    parser = PageParser()
    parser.feed(html)
    parser.close()
    for link in parser.links:
        link["text"] = " ".join(link["text"].split())
    return parser


# --------------------------------------------------------------------------------------------------
# Discovery


class Site:
    def __init__(self, base):
        self.base = base.rstrip("/") + "/"
        parts = urllib.parse.urlsplit(self.base)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.cache = {}

    def url(self, path_or_href, page_url=None):
        return urllib.parse.urljoin(page_url or self.base, path_or_href)

    def same_origin(self, url):
        parts = urllib.parse.urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def get(self, url):
        if url not in self.cache:
            status, headers, body = fetch(url)
            self.cache[url] = (status, headers, body, parse(body))
        return self.cache[url]


def classify(path):
    for page_type, pattern in DETAIL_PATTERNS:
        if pattern.match(path):
            return page_type
    return None


def discover(site, extra=False, max_pages=80):
    """One URL per page type, found by a breadth-first walk of the site's own links from the home page."""
    found = OrderedDict()
    notes = []
    status, _, body, home = site.get(site.base)
    if status != 200:
        raise AuditError(f"the home page {site.base} answered {status}")
    found["home"] = site.base

    # Listing pages are the links of the header navigation: links outside <main> on the home page.
    listing_urls = []
    for link in home.links:
        url = urllib.parse.urldefrag(site.url(link["href"]))[0]
        path = urllib.parse.urlsplit(url).path
        if (
            not link["in_main"]
            and site.same_origin(url)
            and path != "/"
            and not urllib.parse.urlsplit(url).query
            and url not in listing_urls
            and classify(path) is None
        ):
            listing_urls.append(url)

    candidates = OrderedDict()  # page type -> [urls in discovery order]
    speaker_links = []  # links to a filtered quote list found on the site (?speaker=…)
    queue = [site.base] + listing_urls
    seen = set(queue)
    visited = 0
    while queue and visited < max_pages:
        url = queue.pop(0)
        status, _, _, page = site.get(url)
        visited += 1
        if status != 200:
            continue
        for link in page.links:
            target = urllib.parse.urldefrag(site.url(link["href"], url))[0]
            if not site.same_origin(target):
                continue
            parts = urllib.parse.urlsplit(target)
            query = urllib.parse.parse_qs(parts.query)
            if "speaker" in query and parts.path not in ("", "/"):
                speaker_links.append(target)
            if parts.query:
                continue
            page_type = classify(parts.path)
            if page_type:
                candidates.setdefault(page_type, [])
                if target not in candidates[page_type]:
                    candidates[page_type].append(target)
            if target not in seen and (page_type or target in listing_urls):
                seen.add(target)
                queue.append(target)
        if (
            all(t in candidates for t, _ in DETAIL_PATTERNS)
            and speaker_links
            and visited >= 1 + len(listing_urls)
        ):
            break

    for page_type, _ in DETAIL_PATTERNS:
        if page_type in candidates:
            found[page_type] = candidates[page_type][0]

    # Quote search with results: a ?speaker= link the site itself shows (a person page's link to
    # their quotes, a quote's breadcrumb), else the quote search form (the GET form with a "speaker"
    # field) filled in with the slug of a discovered person; either way the answer must list quotes.
    quote_pattern = dict(DETAIL_PATTERNS)["quote"]

    def has_results(url):
        status, _, _, page = site.get(url)
        return status == 200 and any(
            link["in_main"] and quote_pattern.match(urllib.parse.urlsplit(site.url(link["href"], url)).path)
            for link in page.links
        )

    search_url = None
    for url in speaker_links:
        if has_results(url):
            search_url = url
            break
    if search_url is None:
        form_page, form = find_form(site, "speaker")
        if form is not None:
            action = site.url(form["action"] or form_page, form_page)
            for person in candidates.get("person", []):
                slug = urllib.parse.urlsplit(person).path.rstrip("/").rsplit("/", 1)[-1]
                url = action + "?" + urllib.parse.urlencode({"speaker": slug})
                if has_results(url):
                    search_url = url
                    notes.append("Quote search URL built from the quote search form and a person's slug.")
                    break
    if search_url:
        found["quote-search"] = search_url
        # Prefer, as "the" person page, the speaker of the quote search, who has quotes.
        slug = urllib.parse.parse_qs(urllib.parse.urlsplit(search_url).query)["speaker"][0]
        for person in candidates.get("person", []):
            if urllib.parse.urlsplit(person).path.rstrip("/").endswith("/" + slug):
                found["person"] = person
                break

    found["404"] = site.url("/audit-page-that-does-not-exist-7f3c/")

    if extra:
        # A listing is the nav page whose path is the parent folder of a type's detail pages
        # (/people/ of /people/x/).
        for url in listing_urls:
            path = urllib.parse.urlsplit(url).path
            for page_type in ("festival", "person", "topic", "article", "quote"):
                if any(
                    urllib.parse.urlsplit(c).path.rstrip("/").rsplit("/", 1)[0] + "/" == path
                    for c in candidates.get(page_type, [])
                ):
                    found.setdefault(f"{page_type}-list", url)
        form_page, form = find_form(site, "q", role="search", exclude_fields=("speaker",))
        if form is not None:
            action = site.url(form["action"] or form_page, form_page)
            # A word that the site shows as a topic name is sure to find something.
            words = [
                link["text"]
                for link in site.get(found.get("topic", site.base))[3].links
                if link["text"] and classify(urllib.parse.urlsplit(site.url(link["href"])).path) == "topic"
            ]
            if not words:
                _, _, _, page = site.get(site.base)
                words = [link["text"] for link in page.links if link["in_main"] and link["text"]]
            if words:
                found["site-search"] = action + "?" + urllib.parse.urlencode({"q": words[0]})

    wanted = list(PAGE_TYPES) + (list(EXTRA_TYPES) if extra else [])
    missing = [t for t in wanted if t not in found]
    ordered = OrderedDict((t, found[t]) for t in wanted if t in found)
    return ordered, missing, notes, visited


def find_form(site, field, role=None, exclude_fields=()):
    for url, (status, _, _, page) in list(site.cache.items()):
        if status != 200:
            continue
        for form in page.forms:
            if (
                form["method"] == "get"
                and field in form["fields"]
                and (role is None or form["role"] == role)
                and not set(exclude_fields) & set(form["fields"])
            ):
                return url, form
    return None, None


def check_pages(site, pages):
    """The status of each page, and warnings about how the site is served."""
    problems, notes = [], []
    for page_type, url in pages.items():
        status, headers, body, _ = site.get(url)
        expected = 404 if page_type == "404" else 200
        if status != expected:
            problems.append(f"{page_type}: {url} answered {status}, expected {expected}")
        if page_type == "404" and "DEBUG = True" in body:
            problems.append(
                "the server runs with DEBUG on (the 404 is Django's technical page): start it with DEBUG=0"
            )
    # Static files as the browser gets them (caching and compression count for Lighthouse).
    _, _, _, home = site.get(pages["home"])
    for kind, href in home.assets:
        url = site.url(href, pages["home"])
        status, headers, raw = fetch(url, accept_encoding="gzip, br")
        hashed = bool(re.search(r"\.[0-9a-f]{12}\.\w+$", urllib.parse.urlsplit(url).path))
        notes.append(
            f"{kind} `{urllib.parse.urlsplit(url).path}`: {status}, {len(raw)} bytes on the wire, "
            f"Content-Encoding {headers.get('Content-Encoding') or 'none'}, "
            f"Cache-Control `{headers.get('Cache-Control') or 'none'}`, "
            + ("hashed name" if hashed else "name not hashed (manifest storage not in use)")
        )
    return problems, notes


# --------------------------------------------------------------------------------------------------
# axe-core


def axe_script():
    try:
        import axe_playwright_python
    except ImportError as error:
        raise AuditError(
            "axe-playwright-python is not installed: ../../.venv/bin/pip install axe-playwright-python==0.1.8"
        ) from error
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def format_target(target):
    parts = []
    for item in target:
        parts.append(" >>> ".join(item) if isinstance(item, list) else item)
    return " | ".join(parts)


# Default rules (WCAG 2.0–2.2 A/AA and best practices); "incomplete" is what axe could not decide.
AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return {version: axe.version, violations: results.violations, incomplete: results.incomplete};
}"""


def run_axe(pages, chromium):
    from playwright.sync_api import sync_playwright

    script = axe_script()
    results = OrderedDict(
        (page_type, {"violations": OrderedDict(), "incomplete": OrderedDict()}) for page_type in pages
    )
    version = None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROME_FLAGS, headless=True)
        try:
            for variant, options in AXE_VARIANTS.items():
                context = browser.new_context(**options)
                page = context.new_page()
                page.set_default_timeout(30_000)
                for page_type, url in pages.items():
                    page.goto(url, wait_until="load")
                    page.evaluate(script)
                    response = page.evaluate(AXE_RUN)
                    version = response["version"]
                    for kind in ("violations", "incomplete"):
                        for rule in response[kind]:
                            entry = results[page_type][kind].setdefault(
                                rule["id"],
                                {
                                    "id": rule["id"],
                                    "impact": rule.get("impact"),
                                    "help": rule.get("help"),
                                    "helpUrl": rule.get("helpUrl"),
                                    "tags": [
                                        t for t in rule.get("tags", []) if t.startswith(("wcag", "best"))
                                    ],
                                    "nodes": OrderedDict(),
                                },
                            )
                            if rule.get("impact") and not entry["impact"]:
                                entry["impact"] = rule["impact"]
                            for node in rule["nodes"]:
                                selector = format_target(node["target"])
                                summary = " ".join((node.get("failureSummary") or "").split())
                                key = (selector, summary)
                                item = entry["nodes"].setdefault(
                                    key,
                                    {
                                        "selector": selector,
                                        "html": node.get("html", ""),
                                        "summary": summary,
                                        "impact": node.get("impact"),
                                        "variants": [],
                                    },
                                )
                                item["variants"].append(variant)
                context.close()
        finally:
            browser.close()
    for page_result in results.values():
        for kind in ("violations", "incomplete"):
            for entry in page_result[kind].values():
                entry["nodes"] = list(entry["nodes"].values())
                entry["count"] = len({node["selector"] for node in entry["nodes"]})
    return results, version


# --------------------------------------------------------------------------------------------------
# Nu HTML checker


def run_vnu(site, pages, out_dir):
    if not VNU_JAR.exists():
        raise AuditError(f"{VNU_JAR} is missing: run `npm ci` in {HERE}")
    java = shutil.which("java")
    if not java:
        raise AuditError("java is not installed (Java 17 or later is needed for vnu.jar)")
    html_dir = out_dir / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    files = OrderedDict()
    for page_type, url in pages.items():
        path = html_dir / f"{page_type}.html"
        path.write_text(site.get(url)[2], encoding="utf-8")
        files[page_type] = path
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
    completed = subprocess.run(command + [str(p) for p in files.values()], capture_output=True, text=True)
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AuditError(f"vnu gave no JSON: {completed.stdout[:500]} {completed.stderr[:500]}") from error
    version = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True
    ).stdout.strip()
    by_file = {path.resolve().as_uri(): page_type for page_type, path in files.items()}
    sources = {page_type: site.get(url)[2].splitlines() for page_type, url in pages.items()}
    results = OrderedDict((t, {"errors": [], "warnings": [], "info": 0}) for t in pages)
    for message in messages:
        url = message.get("url", "")
        page_type = by_file.get(url) or by_file.get(url.replace("file:/", "file:///", 1))
        if page_type is None:
            for uri, candidate in by_file.items():
                if url.endswith(Path(urllib.parse.urlsplit(uri).path).name):
                    page_type = candidate
        if page_type is None:
            raise AuditError(f"vnu message for an unknown file: {message}")
        line = message.get("lastLine") or message.get("firstLine")
        source_lines = sources[page_type]
        item = {
            "line": line,
            "column": message.get("firstColumn") or message.get("lastColumn"),
            "message": message.get("message", ""),
            "extract": message.get("extract", ""),
            # The whole line of the served HTML, which names the template better than the extract.
            "source": source_lines[line - 1].strip() if line and line <= len(source_lines) else "",
        }
        if message["type"] in ("error", "non-document-error"):
            results[page_type]["errors"].append(item)
        elif message.get("subType") == "warning":
            results[page_type]["warnings"].append(item)
        else:
            results[page_type]["info"] += 1
    return results, version


# --------------------------------------------------------------------------------------------------
# Lighthouse


def summarise_item(item):
    """One line out of a Lighthouse details item: the element, the URL or the text it is about."""
    parts = []
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node is None and item.get("type") == "node":
        node = item
    if node:
        if node.get("selector"):
            parts.append(f"`{node['selector']}`")
        if node.get("snippet"):
            parts.append(f"`{node['snippet'][:160]}`")
        if node.get("explanation"):
            parts.append(" ".join(node["explanation"].split())[:300])
    for key in ("url", "source", "description", "label", "value", "directive", "severity"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("url") or value.get("value") or value.get("formattedDefault")
        if value and isinstance(value, str | int | float):
            parts.append(f"{key}: {str(value)[:200]}")
    for key in ("wastedMs", "wastedBytes", "totalBytes", "cacheLifetimeMs"):
        if isinstance(item.get(key), int | float):
            parts.append(f"{key}: {round(item[key])}")
    return "; ".join(parts)


def network_chains(chains, depth=0):
    lines = []
    for chain in (chains or {}).values():
        lines.append(
            f"{'  ' * depth}{'→ ' if depth else ''}{chain.get('url')} "
            f"(ends at {round(chain.get('navStartToEndTime', 0))} ms, {chain.get('transferSize', 0)} bytes)"
        )
        lines.extend(network_chains(chain.get("children"), depth + 1))
    return lines


def collect_items(details, limit=8):
    """Readable lines out of an audit's details: elements, URLs, failed checks, request chains."""
    if not isinstance(details, dict):
        return []
    items = details.get("items") or []
    lines = []
    if details.get("type") == "checklist" and isinstance(items, dict):
        return [f"failed check: {item.get('label')}" for item in items.values() if not item.get("value")]
    for item in items:
        if not isinstance(item, dict):
            continue
        if item.get("type") in ("table", "list", "opportunity") and "items" in item:
            lines.extend(collect_items(item, limit))
            continue
        if item.get("type") == "list-section":
            value = item.get("value") or {}
            if value.get("type") == "network-tree":
                chain = " ".join(line.strip() for line in network_chains(value.get("chains")))
                lines.append(f"request chain: {chain}")
            elif value.get("type") == "text":
                lines.append(f"{item.get('title') or 'note'}: {value.get('value')}")
            else:
                lines.extend(collect_items(value, limit))
            continue
        line = summarise_item(item)
        if line:
            lines.append(line)
        sub = item.get("subItems")
        if isinstance(sub, dict):
            lines.extend("  " + s for s in collect_items(sub, 3))
    return lines[:limit]


def run_lighthouse_once(url, preset, report_path, chromium):
    if not LIGHTHOUSE.exists():
        raise AuditError(f"{LIGHTHOUSE} is missing: run `npm ci` in {HERE}")
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={chromium}",
        "--chrome-flags=" + " ".join(["--headless"] + CHROME_FLAGS),
        "--output=json",
        f"--output-path={report_path}",
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    # Lighthouse 13 wants Node 22; on Node 20 a few insights need the iterator helpers (see the module).
    env = dict(os.environ)
    preload = f"--import={ITERATOR_HELPERS.as_uri()}"
    env["NODE_OPTIONS"] = f"{env.get('NODE_OPTIONS', '')} {preload}".strip()
    failures = []
    # Lighthouse now and then fails to record the trace (NO_NAVSTART, NO_FCP): such a run is retried.
    for _attempt in range(LIGHTHOUSE_ATTEMPTS):
        if report_path.exists():
            report_path.unlink()
        completed = subprocess.run(command, capture_output=True, text=True, cwd=HERE, env=env)
        if completed.returncode == 0 and report_path.exists():
            report = json.loads(report_path.read_text(encoding="utf-8"))
            if not report.get("runtimeError"):
                report["auditRetries"] = failures
                return report
            failures.append(report["runtimeError"].get("message", "runtime error"))
        else:
            failures.append(
                completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else "failed"
            )
    raise AuditError(f"lighthouse failed {LIGHTHOUSE_ATTEMPTS} times on {url} ({preset}): {failures}")


def lighthouse_summary(report):
    scores = {}
    failing = []
    for category in LIGHTHOUSE_CATEGORIES:
        data = report["categories"].get(category)
        score = data.get("score") if data else None
        scores[category] = None if score is None else round(score * 100)
        if not data:
            continue
        for ref in data["auditRefs"]:
            audit = report["audits"].get(ref["id"])
            if not audit:
                continue
            score = audit.get("score")
            mode = audit.get("scoreDisplayMode")
            if mode in ("notApplicable", "manual", "informative"):
                continue
            if mode != "error" and (score is None or score >= 1):
                continue
            failing.append(
                {
                    "category": category,
                    "id": ref["id"],
                    "title": audit.get("title", ""),
                    "score": score,
                    "weight": ref.get("weight", 0),
                    "displayValue": audit.get("displayValue", ""),
                    "error": audit.get("errorMessage", ""),
                    "items": collect_items(audit.get("details")),
                }
            )
    metrics = OrderedDict()
    for audit_id, label in METRICS.items():
        audit = report["audits"].get(audit_id)
        if audit and audit.get("displayValue"):
            metrics[label] = audit["displayValue"]
    return {
        "scores": scores,
        "metrics": metrics,
        "failing": failing,
        "warnings": report.get("runWarnings", [])
        + [f"an earlier attempt failed and was retried: {m}" for m in report.get("auditRetries", [])],
        "runtimeError": (report.get("runtimeError") or {}).get("message"),
        "finalUrl": report.get("finalDisplayedUrl") or report.get("finalUrl"),
        "lighthouseVersion": report.get("lighthouseVersion"),
        "userAgent": report.get("environment", {}).get("hostUserAgent"),
    }


def run_lighthouse(pages, presets, runs, out_dir, chromium, log):
    lh_dir = out_dir / "lighthouse"
    lh_dir.mkdir(parents=True, exist_ok=True)
    results = OrderedDict()
    for page_type in LIGHTHOUSE_TYPES:
        if page_type not in pages:
            continue
        for preset in presets:
            summaries = []
            for run in range(1, runs + 1):
                log(f"lighthouse {preset} {page_type} (run {run}/{runs}) …")
                suffix = f"-{run}" if runs > 1 else ""
                report = run_lighthouse_once(
                    pages[page_type], preset, lh_dir / f"{page_type}-{preset}{suffix}.json", chromium
                )
                summaries.append(lighthouse_summary(report))
            # With several runs, the run of median performance stands for the page.
            ordered = sorted(summaries, key=lambda s: s["scores"].get("performance") or 0)
            chosen = dict(ordered[(len(ordered) - 1) // 2])
            if runs > 1:
                chosen["allRuns"] = [s["scores"] for s in summaries]
                chosen["scores"] = {
                    c: round(statistics.median([s["scores"][c] or 0 for s in summaries]))
                    for c in LIGHTHOUSE_CATEGORIES
                }
            results[(page_type, preset)] = chosen
    return results


# --------------------------------------------------------------------------------------------------
# Report


def md(text):
    """Text for a Markdown table cell or list item."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def code(text, limit=300):
    text = " ".join(str(text).split()) if "\n" in str(text) else str(text)
    text = text if len(text) <= limit else text[:limit] + "…"
    return "`` " + text.replace("`", "'") + " ``" if "`" in text else f"`{text}`"


def build_report(args, site, pages, labels, discovery, checks, axe, vnu, lighthouse, versions):
    lines = []
    add = lines.append
    missed = []
    add("# Accessibility, HTML and Lighthouse audit")
    add("")
    add(f"- Base URL: {site.base}")
    add(f"- Date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    add("- Tools: " + ", ".join(f"{k} {v}" for k, v in versions.items() if v))
    add(
        "- Targets: zero axe-core violations (desktop and mobile viewports, light and dark schemes) and "
        "zero Nu HTML checker errors on every page; Lighthouse "
        f"≥ {args.lh_threshold} in {', '.join(LIGHTHOUSE_CATEGORIES)} on "
        f"{', '.join(LIGHTHOUSE_TYPES)} ({', '.join(args.lh_presets)})"
    )
    add(f"- Pages discovered by following links ({discovery['visited']} pages fetched)")
    for note in discovery["notes"]:
        add(f"  - {note}")
    add("")

    if checks["problems"]:
        add("## Problems with the pages themselves")
        add("")
        for problem in checks["problems"]:
            add(f"- {problem}")
            missed.append(problem)
        add("")

    # Summary table.
    add("## Summary")
    add("")
    header = ["Page", "URL"]
    if axe is not None:
        header.append("axe violations (rules / elements)")
    if vnu is not None:
        header += ["vnu errors", "vnu warnings"]
    if lighthouse is not None:
        header += [
            f"Lighthouse {p} ({'/'.join(CATEGORY_SHORT[c] for c in LIGHTHOUSE_CATEGORIES)})"
            for p in args.lh_presets
        ]
    add("| " + " | ".join(header) + " |")
    add("|" + "---|" * len(header))
    for page_type, url in pages.items():
        parts = urllib.parse.urlsplit(url)
        row = [labels[page_type], md(parts.path + (f"?{parts.query}" if parts.query else ""))]
        if axe is not None:
            violations = axe[page_type]["violations"]
            nodes = sum(v["count"] for v in violations.values())
            row.append(f"**{len(violations)} / {nodes}**" if violations else "0")
            if violations:
                missed.append(
                    f"{page_type}: {len(violations)} axe rule(s) violated ({', '.join(violations)})"
                )
        if vnu is not None:
            errors = vnu[page_type]["errors"]
            row.append(f"**{len(errors)}**" if errors else "0")
            row.append(str(len(vnu[page_type]["warnings"])))
            if errors:
                missed.append(f"{page_type}: {len(errors)} vnu error(s)")
        if lighthouse is not None:
            for preset in args.lh_presets:
                result = lighthouse.get((page_type, preset))
                if not result:
                    row.append("–")
                    continue
                cells = []
                for category in LIGHTHOUSE_CATEGORIES:
                    score = result["scores"][category]
                    if score is None or score < args.lh_threshold:
                        cells.append(f"**{score}**")
                        missed.append(
                            f"{page_type}: Lighthouse {preset} {category} {score} < {args.lh_threshold}"
                        )
                    else:
                        cells.append(str(score))
                row.append(" / ".join(cells))
        add("| " + " | ".join(row) + " |")
    add("")
    if missed:
        add(f"**Targets missed: {len(missed)}**")
        add("")
        for item in missed:
            add(f"- {item}")
    else:
        add("**Every target is met.**")
    add("")

    if checks["notes"]:
        add("## How static files are served")
        add("")
        for note in checks["notes"]:
            add(f"- {note}")
        add("")

    # Details per page.
    for page_type, url in pages.items():
        add(f"## {labels[page_type]} — {url}")
        add("")
        if axe is not None:
            violations = axe[page_type]["violations"]
            add(f"### axe-core: {len(violations)} violation(s)")
            add("")
            if not violations:
                add("- None.")
            for rule in violations.values():
                tags = ", ".join(rule["tags"])
                add(
                    f"- **{rule['id']}** ({rule['impact']}) — {md(rule['help'])} [{tags}] <{rule['helpUrl']}>"
                )
                for node in rule["nodes"]:
                    variants = (
                        "all variants"
                        if len(node["variants"]) == len(AXE_VARIANTS)
                        else ", ".join(node["variants"])
                    )
                    add(f"  - {code(node['selector'])} ({variants})")
                    add(f"    - element: {code(node['html'], 240)}")
                    if node["summary"]:
                        add(f"    - {md(node['summary'])}")
            incomplete = axe[page_type]["incomplete"]
            if incomplete:
                add(
                    "- Needs review (axe could not decide; not counted): "
                    + ", ".join(f"{r['id']} ×{r['count']}" for r in incomplete.values())
                )
            add("")
        if vnu is not None:
            result = vnu[page_type]
            add(
                f"### Nu HTML checker: {len(result['errors'])} error(s), {len(result['warnings'])} warning(s)"
            )
            add("")
            if not result["errors"] and not result["warnings"]:
                add("- No error or warning.")
            for kind in ("errors", "warnings"):
                for item in result[kind]:
                    label = "Error" if kind == "errors" else "Warning"
                    add(f"- {label}, line {item['line']}, column {item['column']}: {md(item['message'])}")
                    if item["extract"]:
                        add(f"  - extract: {code(item['extract'], 240)}")
                    if item["source"]:
                        add(f"  - served line {item['line']}: {code(item['source'], 400)}")
            add("")
        if lighthouse is not None:
            for preset in args.lh_presets:
                result = lighthouse.get((page_type, preset))
                if not result:
                    continue
                scores = " · ".join(f"{c} {result['scores'][c]}" for c in LIGHTHOUSE_CATEGORIES)
                add(f"### Lighthouse {preset}: {scores}")
                add("")
                if result.get("allRuns"):
                    add(
                        "- Runs: "
                        + "; ".join(
                            " / ".join(str(s[c]) for c in LIGHTHOUSE_CATEGORIES) for s in result["allRuns"]
                        )
                    )
                if result.get("metrics"):
                    add("- Metrics: " + ", ".join(f"{k} {v}" for k, v in result["metrics"].items()))
                if result.get("runtimeError"):
                    add(f"- Runtime error: {md(result['runtimeError'])}")
                for warning in result.get("warnings", []):
                    add(f"- Run warning: {md(warning)}")
                if not result["failing"]:
                    add("- No failing audit.")
                for audit in result["failing"]:
                    score = "error" if audit["score"] is None else f"{audit['score']:.2f}"
                    value = f" — {md(audit['displayValue'])}" if audit["displayValue"] else ""
                    error = f" — {md(audit['error'])}" if audit["error"] else ""
                    add(
                        f"- [{audit['category']}] **{audit['id']}**: {md(audit['title'])}{value}{error} "
                        f"(score {score}, weight {audit['weight']}"
                        + (", not counted in the category score)" if not audit["weight"] else ")")
                    )
                    for item in audit["items"]:
                        add(f"  - {md(item)}")
                add("")
    return "\n".join(lines) + "\n", missed


# --------------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "base_url", nargs="?", default=os.environ.get("AUDIT_BASE_URL", "http://127.0.0.1:8000")
    )
    parser.add_argument(
        "--only",
        default="axe,vnu,lighthouse",
        help="comma-separated checks to run: axe, vnu, lighthouse (default: all three)",
    )
    parser.add_argument(
        "--extra",
        action="store_true",
        help="also audit the listing pages and the site search (axe and vnu; targets apply to them too)",
    )
    parser.add_argument(
        "--lh-presets",
        default="mobile,desktop",
        help="Lighthouse form factors: mobile, desktop (default both)",
    )
    parser.add_argument(
        "--lh-runs", type=int, default=3, help="Lighthouse runs per page and preset; the median counts"
    )
    parser.add_argument(
        "--lh-threshold", type=int, default=95, help="the lowest Lighthouse score that passes"
    )
    parser.add_argument("--out", default=str(HERE / "reports"), help="folder for report.md and raw results")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    checks_wanted = {c.strip() for c in args.only.split(",") if c.strip()}
    unknown = checks_wanted - {"axe", "vnu", "lighthouse"}
    if unknown:
        parser.error(f"unknown check(s) in --only: {', '.join(sorted(unknown))}")
    args.lh_presets = [p.strip() for p in args.lh_presets.split(",") if p.strip()]
    if set(args.lh_presets) - {"mobile", "desktop"}:
        parser.error("--lh-presets takes mobile and/or desktop")

    def log(message):
        print(message, file=sys.stderr, flush=True)

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Files of an earlier run would be taken for this one's.
    for stale in [*out_dir.glob("html/*.html"), *out_dir.glob("lighthouse/*.json")]:
        stale.unlink()
    try:
        if ({"axe", "lighthouse"} & checks_wanted) and not Path(args.chromium).exists():
            raise AuditError(f"Chromium not found at {args.chromium}")
        site = Site(args.base_url)
        log(f"discovering pages from {site.base} …")
        pages, missing, notes, visited = discover(site, extra=args.extra)
        if missing:
            raise AuditError(
                "no page found of type(s): "
                + ", ".join(missing)
                + " (is the demo loaded? `manage.py load_demo`)"
            )
        labels = {**PAGE_TYPES, **EXTRA_TYPES}
        for page_type, url in pages.items():
            log(f"  {page_type:14} {url}")
        problems, static_notes = check_pages(site, pages)
        versions = OrderedDict()
        if Path(args.chromium).exists():
            versions["Chromium"] = (
                subprocess.run([args.chromium, "--version"], capture_output=True, text=True)
                .stdout.strip()
                .removeprefix("Chromium ")
                .split(" ")[0]
            )
        axe = vnu = lighthouse = None
        if "axe" in checks_wanted:
            log("axe-core …")
            axe, versions["axe-core"] = run_axe(pages, args.chromium)
        if "vnu" in checks_wanted:
            log("Nu HTML checker …")
            vnu, versions["vnu"] = run_vnu(site, pages, out_dir)
        if "lighthouse" in checks_wanted:
            lighthouse = run_lighthouse(
                pages, args.lh_presets, max(1, args.lh_runs), out_dir, args.chromium, log
            )
            if lighthouse:
                versions["Lighthouse"] = next(iter(lighthouse.values()))["lighthouseVersion"]
                versions["Node"] = subprocess.run(
                    ["node", "--version"], capture_output=True, text=True
                ).stdout.strip()
    except AuditError as error:
        print(f"audit could not run: {error}", file=sys.stderr)
        return 2

    report, missed = build_report(
        args,
        site,
        pages,
        labels,
        {"visited": visited, "notes": notes},
        {"problems": problems, "notes": static_notes},
        axe,
        vnu,
        lighthouse,
        versions,
    )
    (out_dir / "report.md").write_text(report, encoding="utf-8")
    raw = {
        "base_url": site.base,
        "pages": pages,
        "versions": versions,
        "problems": problems,
        "static": static_notes,
        "axe": axe,
        "vnu": vnu,
        "lighthouse": {f"{t}/{p}": r for (t, p), r in lighthouse.items()} if lighthouse is not None else None,
        "missed": missed,
    }
    (out_dir / "results.json").write_text(json.dumps(raw, indent=2, default=list), encoding="utf-8")
    print(report)
    log(f"report written to {out_dir / 'report.md'}; {len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
