
EXTRACTOR_VERSION = 4
"""Bump with every change to what extraction reports: `feeds reextract` redoes the articles of older versions.

2: the event layer of issue 13 (open heads, datelines, lead dates, Latin names, printed characters, flags).
3: issue 13's second pass (headlines split from bodies, held-on-date names, deadlines and windows, English
   coreference and tense) and issue 12's second pass (spans to and from the publication moment, written forms).
4: events from more papers (gazetteer places, Taiwan and social-media datelines and dates, English wire datelines,
   tense and coreference), and recurring sessions (a show every evening)."""
