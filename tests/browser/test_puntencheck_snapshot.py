"""The memory snapshot the browser keeps: taken after the first start, restored on the next one.

The site ships no snapshot (it would add 6.3 MB to a first visit); the worker takes one right after
Python first starts and keeps it in Cache Storage. A snapshot that cannot be restored is dropped and
Python starts the plain way. Verdicts are the same either way.
"""
from __future__ import annotations

from typing import Any

from .conftest import browser_check, open_puntencheck, wait_for, worked_examples

SNAPSHOTS = "registratiewijzer-pyodide-snapshots"
STORED = f"""caches.open({SNAPSHOTS!r}).then(async (cache) => {{
    const sizes = [];
    for (const request of await cache.keys()) sizes.push((await (await cache.match(request)).arrayBuffer()).byteLength);
    return sizes;
}})"""
HOW_STARTED = "performance.getEntriesByName('puntencheck:python-ready')[0]?.detail?.snapshot"


def start(page: Any, site_url: str) -> str:
    """Open the puntencheck until Python is ready; how it started: none, stored or build."""
    open_puntencheck(page, site_url)
    return wait_for(page, HOW_STARTED)


def test_the_first_start_keeps_a_snapshot_and_the_next_start_restores_it(page: Any, site_url: str) -> None:
    example = worked_examples()[0]
    assert start(page, site_url) == "none"
    first = browser_check(page, example["portfolio"])
    sizes = wait_for(page, f"{STORED}.then((sizes) => sizes.length ? sizes : null)")
    assert len(sizes) == 1 and sizes[0] > 10_000_000, sizes  # Pyodide's whole memory, uncompressed

    again = page.context.new_page()
    assert start(again, site_url) == "stored"
    assert browser_check(again, example["portfolio"]) == first
    assert again.evaluate(STORED) == sizes  # kept, not taken again
    assert page.foreign_requests == []


def test_a_snapshot_that_cannot_be_restored_is_dropped_for_a_plain_start(page: Any, site_url: str) -> None:
    start(page, site_url)
    wait_for(page, f"{STORED}.then((sizes) => sizes.length === 1)")
    page.evaluate(f"""caches.open({SNAPSHOTS!r}).then(async (cache) => {{
        const [request] = await cache.keys();
        await cache.put(request, new Response(new Uint8Array(1000)));
    }})""")
    again = page.context.new_page()
    assert start(again, site_url) == "stored"  # tried, failed, then started the plain way
    verdict = browser_check(again, worked_examples()[0]["portfolio"])
    assert "verdict" in verdict and "pc-fault" not in again.get_attribute("#pc-status", "class")
    assert again.evaluate(STORED) == []  # the broken one is gone
