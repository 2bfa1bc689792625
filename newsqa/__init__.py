"""newsqa: pre-publication quality checks for news text.

Check one text::

    >>> import newsqa
    >>> report = newsqa.check("Nato met on Monday. NATO said so on Monday.", published="2024-07-24")
    >>> report.complete
    True

or many with one :class:`Checker`, which keeps engines such as LanguageTool
running between documents. Every public name is listed in ``__all__``.
"""

from newsqa.checker import Checker, check
from newsqa.config import Config, find_config, load_config
from newsqa.document import Document, Paragraph, Quotation, Sentence, Token
from newsqa.errors import ConfigError, InputError, NewsQAError
from newsqa.inputs import read_text
from newsqa.registry import (
    Check,
    CheckFailed,
    CheckResult,
    CheckSkipped,
    Option,
    Rule,
    register_check,
    registered_checks,
)
from newsqa.report import (
    SCHEMA_VERSION,
    CheckRun,
    CheckStatus,
    DateMention,
    DocumentInfo,
    Finding,
    Report,
    Severity,
    Span,
    report_schema,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Check",
    "CheckFailed",
    "CheckResult",
    "CheckRun",
    "CheckSkipped",
    "CheckStatus",
    "Checker",
    "Config",
    "ConfigError",
    "DateMention",
    "Document",
    "DocumentInfo",
    "Finding",
    "InputError",
    "NewsQAError",
    "Option",
    "Paragraph",
    "Quotation",
    "Report",
    "Rule",
    "Sentence",
    "Severity",
    "Span",
    "Token",
    "__version__",
    "check",
    "find_config",
    "load_config",
    "read_text",
    "register_check",
    "registered_checks",
    "report_schema",
]
