"""A portfolio of 10,000 activities in the puntencheck: how soon the verdict shows after an import,
and how quick typing in a row stays (the form shows 100 rows at a time). Figures for the README, printed
(no timed assertions). Run with `make bench`; a plain `pytest` run skips this module."""
from __future__ import annotations

import json
import statistics
from typing import Any

import pytest

from tests.browser.conftest import open_puntencheck, wait_for

pytestmark = pytest.mark.benchmark_run
ACTIVITIES = 10_000
RUNS = 3
KEYSTROKES = 20

# In-page clock: from the file input's change event to the verdict on screen.
WATCH = """() => {
  window.__scale = {};
  document.getElementById('pc-import').addEventListener('change', () => { window.__scale.start = performance.now(); }, true);
  const results = document.querySelector('.pc-results');
  new MutationObserver(() => {
    if (!window.__scale.verdict && window.__scale.start && results.textContent.includes('behaald') && !results.dataset.pending) {
      window.__scale.verdict = performance.now() - window.__scale.start;
    }
  }).observe(results, {childList: true, subtree: true, attributes: true});
}"""
# Keystrokes in the first row's points: time from the input event to the next frame, and the longest
# main-thread task in the second after each (the recalculation that follows).
TYPE = """async (keystrokes) => {
  const input = document.querySelector("ol.pc-activities input[name$='.points']");
  const frames = [], longest = [];
  for (let i = 0; i < keystrokes; i++) {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({type: 'longtask'});
    const start = performance.now();
    input.value = String(i % 9 + 1);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    frames.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    observer.disconnect();
    longest.push(Math.max(0, ...tasks));
  }
  return {frames, longest};
}"""


@pytest.fixture(scope="module", autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    if "benchmark_run" not in (request.config.getoption("-m") or ""):
        pytest.skip("benchmark: run with `make bench` (-m benchmark_run)")


def big_portfolio() -> bytes:
    activities = [{"date": f"2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "category": ("geaccrediteerd", "vrije_ruimte")[i % 2],
                   "points": 0.5, "title": f"Activiteit {i + 1}"} for i in range(ACTIVITIES)]
    return json.dumps({"register": "krsd", "period_start": "2022-01-01", "activities": activities}).encode()


def one_import(page: Any, site_url: str, data: bytes) -> dict[str, float]:
    open_puntencheck(page, site_url)
    page.evaluate(WATCH)
    page.set_input_files("#pc-import", files=[{"name": "groot.json", "mimeType": "application/json", "buffer": data}])
    verdict = wait_for(page, "window.__scale.verdict", timeout_s=120)
    typing = page.evaluate(TYPE, KEYSTROKES)
    return {"verdict": verdict, "frame": statistics.median(typing["frames"]),
            "frame_max": max(typing["frames"]), "task": statistics.median(typing["longest"]),
            "task_max": max(typing["longest"])}


def test_ten_thousand_activities(page: Any, site_url: str) -> None:
    data = big_portfolio()
    runs = [one_import(page, site_url, data) for _ in range(RUNS)]

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    print(f"\n\nPuntencheck with {ACTIVITIES:,} imported activities (headless Chromium, median of {RUNS} imports):")
    print(f"  import -> verdict on screen: {median('verdict'):.0f} ms")
    print(f"  typing in a row: next frame after a keystroke median {median('frame'):.0f} ms (max {median('frame_max'):.0f}); "
          f"longest main-thread task after it median {median('task'):.0f} ms (max {median('task_max'):.0f})")
    assert all(run["verdict"] > 0 for run in runs)
