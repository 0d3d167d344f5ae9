"""Where the pipeline spends its time: a pyinstrument profile of `extract_page` over the corpus.

Run with `bench/run.py --profile` when a target is missed, or to see what to make faster next.
"""

from __future__ import annotations

from corpus import Corpus
from extraction import run_pipeline


def pipeline_profile(corpus: Corpus) -> str:
    """The call tree of one pipeline pass, as text (pyinstrument is a bench-only dependency)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed (`.venv/bin/pip install -e '.[bench]'`)"
    profiler = Profiler(interval=0.0005)
    profiler.start()
    run_pipeline(corpus)
    profiler.stop()
    return profiler.output_text(unicode=True, color=False)
