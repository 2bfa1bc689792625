"""Sphinx configuration for the newsqa documentation."""

from __future__ import annotations

import newsqa

project = "newsqa"
author = "The newsqa developers"
copyright = "2026, The newsqa developers"  # noqa: A001 - Sphinx's own name
release = newsqa.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
autodoc_typehints = "description"
nitpicky = True
html_theme = "furo"
html_title = "newsqa"
exclude_patterns = ["_build"]
