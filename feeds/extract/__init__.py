
EXTRACTOR_VERSION = 1
"""Bump with every change to what extraction reports: the store re-extracts articles of older versions."""
