
EXTRACTOR_VERSION = 2
"""Bump with every change to what extraction reports: `feeds reextract` redoes the articles of older versions.

2: the event layer of issue 13 (open heads, datelines, lead dates, Latin names, printed characters, flags)."""
