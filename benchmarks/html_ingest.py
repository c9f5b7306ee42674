"""HTML ingest against bare trafilatura extraction on the same pages.

Pages are KCNA stories wrapped in a news-site template (navigation, share
bar, related links, subscription footer). Prints the time of `blocwatch
ingest` on the page files (extract, clean, dedupe, code, store) and of bare
`trafilatura.extract` on the same pages, and their ratio; then the same
for extraction alone (blocwatch's reader vs trafilatura).

    python benchmarks/html_ingest.py [--pages 1000]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

from blocwatch.coding.coder import Coder
from blocwatch.ingest.readers import read_inputs
from blocwatch.scale.pipeline import Ingestor
from blocwatch.store.duckdb_store import DuckDBStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput_kcna import DATA, stories

TEMPLATE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Korea Wire Monitor</title>
<meta property="og:site_name" content="Korea Wire Monitor"><meta property="article:published_time" content="{date}">
</head><body><header><nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/world">World</a></nav>
</header><main><article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Leaders meet</a></li>
<li><a href="/b">Talks stall</a></li></ul></aside>
</main><footer><p>FREE SUBSCRIPTION Get new content delivered directly to your inbox</p>
<p>© Korea Wire Monitor. All rights reserved.</p></footer></body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA}: KCNA data not found; this benchmark needs ../shared/data/news-kcna")
    docs = stories(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = []
        for n, d in enumerate(docs):
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in d.text.split("\n") if p.strip())
            page = TEMPLATE.format(title=html.escape(d.title), date=d.date or "", paragraphs=paragraphs)
            (folder / f"p{n:05d}.html").write_text(page, encoding="utf-8")
            pages.append(page)
        started = time.perf_counter()
        for page in pages:
            trafilatura.extract(page, with_metadata=True, deduplicate=False)
        bare = time.perf_counter() - started
        started = time.perf_counter()
        extracted = sum(1 for _ in read_inputs([str(folder)]))
        reader = time.perf_counter() - started
        with DuckDBStore(Path(tmp) / "s.duckdb") as store:
            started = time.perf_counter()
            counts = Ingestor(store, Coder()).run([str(folder)])
            full = time.perf_counter() - started
    n = len(pages)
    print(f"pages {n:,}  extracted {extracted:,}  " + ", ".join(f"{k} {v:,}" for k, v in counts.as_dict().items()))
    print(f"{'run':<46}{'seconds':>10}{'pages/s':>10}")
    print(f"{'bare trafilatura.extract':<46}{bare:>10.2f}{n / bare:>10,.0f}")
    print(f"{'blocwatch HTML reader (trafilatura + htmldate)':<46}{reader:>10.2f}{n / reader:>10,.0f}")
    print(f"{'blocwatch ingest (extract, clean, dedupe, code)':<46}{full:>10.2f}{n / full:>10,.0f}")
    print(f"ratio reader/bare: {reader / bare:.2f}   ratio ingest/bare: {full / bare:.2f}")


if __name__ == "__main__":
    main()
