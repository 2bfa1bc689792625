"""Sphinx configuration for the newsqa documentation."""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The checkout being documented comes first, whatever else is installed.
sys.path[:0] = [str(DOCS.parent), str(DOCS / "_ext")]

from newsqa_docgen import write_inventories  # noqa: E402

import newsqa  # noqa: E402

project = "newsqa"
author = "The newsqa developers"
copyright = "2026, The newsqa developers"
release = newsqa.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "myst_parser",
    "newsqa_sphinx",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_inventories", "_ext", "examples"]
nitpicky = True
language = "en"

# -- autodoc ----------------------------------------------------------------------------------
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88
autodoc_member_order = "bysource"
autodoc_preserve_defaults = False
python_use_unqualified_type_names = True
# Type variables of generic helpers: they name no documented object.
nitpick_ignore = [("py:class", "newsqa.document.T"), ("py:class", "newsqa.registry.C")]
napoleon_google_docstring = False
napoleon_numpy_docstring = False

# -- intersphinx, offline ---------------------------------------------------------------------
# The build reaches no network: the inventories are small text files in
# _inventories/ (see its README), compiled into Sphinx's format at build time.
# Links still point at the public Python and attrs documentation.
_inventories = write_inventories(DOCS / "_inventories", DOCS / "_build" / "inventories")
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_inventories["python"])),
    "attrs": ("https://www.attrs.org/en/stable", str(_inventories["attrs"])),
}

# -- MyST -------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "substitution"]
myst_substitutions = {"schema_version": newsqa.SCHEMA_VERSION}
myst_heading_anchors = 3

# -- doctest ----------------------------------------------------------------------------------
doctest_global_setup = """
import newsqa
from newsqa import Checker, Config
"""

# -- HTML -------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"newsqa {release}"
html_static_path: list[str] = []
html_theme_options = {"navigation_with_keys": True}
