"""Sphinx extension: the parts of the newsqa docs that are produced by running newsqa.

Directives (all write reStructuredText, so in a MyST page put them in an
``{eval-rst}`` block):

``newsqa-catalogue``
    Every registered check and rule (:mod:`newsqa_docgen`), each rule's flagged
    example run through its check at build time, and a doctest of both examples.
``newsqa-check-list``
    One line per registered check with its rule codes.
``newsqa-check-options``
    The option table of every check that has options, or with ``:check: NAME``
    of one check.
``newsqa-config-keys``
    The top-level config keys with their defaults taken from :class:`newsqa.Config`;
    the directive's body gives each key's meaning as a field list (``{languages}``
    stands for the known house styles), and a key missing from it (or one the
    code does not know) fails the build.
``newsqa-command``
    Runs ``newsqa`` with the given arguments in a subprocess and shows the
    command, its output and its exit status.
``newsqa-walkthrough``
    Runs ``newsqa check`` on one file and explains the report finding by finding.
``newsqa-schema``
    The JSON Schema of the report (:func:`newsqa.report_schema`) as a field table
    and as JSON.

The extension also points ``newsqa.<module>.<Name>`` references at the public
``newsqa.<Name>`` entry, fails the build when a name in ``newsqa.__all__`` has
no entry, and compiles the offline intersphinx inventories (:func:`newsqa_docgen.write_inventories`).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
import newsqa_docgen as docgen
from docutils import nodes
from docutils.nodes import Node
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import newsqa
from newsqa.checker import Checker
from newsqa.config import LANGUAGES, Config
from newsqa.registry import Check, registered_checks
from newsqa.report import Report, Severity

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
#: Set in CI: a check whose engine is missing fails the build instead of skipping its doctests.
REQUIRE_ENGINES = "NEWSQA_REQUIRE_LANGUAGETOOL"
_COMMAND_TIMEOUT = 600


# --- running newsqa -------------------------------------------------------------------------


def run_newsqa(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run the real ``newsqa`` command from the checkout being documented."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(":")}
    env["COLUMNS"] = "88"  # argparse wraps help to the terminal; keep it stable and readable
    completed = subprocess.run(
        [sys.executable, "-m", "newsqa", *args],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=_COMMAND_TIMEOUT,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


_checkers: dict[str, Checker] = {}


def _checker_for(check: str) -> Checker:
    # One checker per check for the whole build, so an engine starts once.
    if check not in _checkers:
        _checkers[check] = Checker(Config(select=(check,)))
    return _checkers[check]


def _close_checkers(app: Sphinx, exception: Exception | None) -> None:
    while _checkers:
        _checkers.popitem()[1].close()


@attrs.frozen
class ExampleRun:
    """What the build saw when it ran one rule's flagged example."""

    output: str
    ran: bool
    reason: str | None


def run_example(check: type[Check], code: str) -> ExampleRun:
    """Run one rule's flagged example through its check and render its findings of that rule."""
    rule = next(rule for rule in check.rules if rule.code == code)
    report = _checker_for(check.name).check(rule.flagged, published=rule.published, identifier="example")
    lines = [line for f in report.findings if f.code == code for line in docgen.render_finding(f, rule.flagged)]
    reason = "; ".join(f"{run.check}: {run.reason}" for run in report.not_run) or None
    if reason:
        lines.append(f"not run: {reason}")
    elif not lines:
        lines.append(f"no {code} finding")
    return ExampleRun("\n".join(lines), report.complete, reason)


# --- directives -----------------------------------------------------------------------------


class GeneratedDirective(SphinxDirective):
    """A directive whose output is reStructuredText made by Python code."""

    def render(self, lines: Iterable[str], *, source: str) -> list[Node]:
        self.env.note_dependency(__file__)
        self.env.note_dependency(docgen.__file__)
        generated = getattr(self.env, "newsqa_generated", set())
        generated.add(self.env.docname)
        self.env.newsqa_generated = generated  # type: ignore[attr-defined]
        content = StringList()
        for number, line in enumerate(lines):
            content.append(line, source, number)
        container = nodes.section() if self.allow_titles else nodes.container()
        container.document = self.state.document
        nested_parse_with_titles(self.state, content, container)
        return list(container.children)

    allow_titles: ClassVar[bool] = True


class CatalogueDirective(GeneratedDirective):
    """``.. newsqa-catalogue::``: every check and rule."""

    def run(self) -> list[Node]:
        checks = [registered_checks()[name] for name in sorted(registered_checks())]
        outputs: dict[str, str] = {}
        skipif: dict[str, str] = {}
        for check in checks:
            for rule in check.rules:
                example = run_example(check, rule.code)
                outputs[rule.code] = example.output
                if not example.ran:
                    message = f"the {check.name} check could not run its examples here ({example.reason})"
                    if os.environ.get(REQUIRE_ENGINES, "") not in ("", "0"):
                        logger.warning(message, location=self.get_location())
                    else:
                        logger.info(f"newsqa docs: {message}; its doctests are skipped")
                        skipif[check.name] = "True"
        return self.render(
            docgen.catalogue(checks, example_outputs=outputs, skipif=skipif), source="<newsqa catalogue>"
        )


class CheckOptionsDirective(GeneratedDirective):
    """``.. newsqa-check-options::``: the option table of every check with options."""

    option_spec: ClassVar[dict[str, Any]] = {"check": directives.unchanged}
    allow_titles = False

    def run(self) -> list[Node]:
        checks = registered_checks()
        if "check" in self.options:
            name = self.options["check"]
            if name not in checks:
                logger.warning(f"no registered check named {name!r}", location=self.get_location())
                return []
            return self.render(docgen.option_table(checks[name]), source="<newsqa check options>")
        lines: list[str] = []
        for name, check in sorted(checks.items()):
            if not check.options:
                continue
            lines += [f".. rubric:: [{name}]", "", f"Options of the :ref:`{name} <check-{name}>` check.", ""]
            lines += docgen.option_table(check)
        without = [name for name, check in sorted(checks.items()) if not check.options]
        if without:
            listed = ", ".join(f":ref:`{name} <check-{name}>`" for name in without)
            lines += [f"These checks have no options: {listed}.", ""]
        return self.render(lines, source="<newsqa check options>")


class CheckListDirective(GeneratedDirective):
    """``.. newsqa-check-list::``: one line per check, with its codes, linking to the docgen."""

    allow_titles = False

    def run(self) -> list[Node]:
        lines = []
        for name, check in sorted(registered_checks().items()):
            codes = [rule.code for rule in check.rules]
            span = f"{codes[0]}–{codes[-1]}" if len(codes) > 1 else codes[0]
            description = docgen.plain_rst(check.description)
            lines.append(f"- :ref:`{name} <check-{name}>` ({span}): {description}")
        return self.render([*lines, ""], source="<newsqa check list>")


class ConfigKeysDirective(GeneratedDirective):
    """``.. newsqa-config-keys::`` with a field list ``:key: meaning`` as its body."""

    has_content = True

    def run(self) -> list[Node]:
        languages = ", ".join(f"``{language!r}``".replace("'", '"') for language in LANGUAGES)
        meanings = {
            key: [line.replace("{languages}", languages) for line in lines]
            for key, lines in _field_list(self.content).items()
        }
        for key in docgen.CONFIG_KEYS:
            if key not in meanings:
                logger.warning(f"config key {key!r} is not described", location=self.get_location())
        for key in meanings:
            if key not in docgen.CONFIG_KEYS:
                logger.warning(f"{key!r} is not a config key of newsqa.Config", location=self.get_location())
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 18 22 60",
            "",
            "   * - Key",
            "     - Default",
            "     - Meaning",
        ]
        for key in docgen.CONFIG_KEYS:
            default = docgen.toml_value(docgen.config_default(key))
            meaning = meanings.get(key, [""])
            lines += [f"   * - ``{key}``", f"     - ``{default}``", f"     - {meaning[0]}"]
            lines += [f"       {line}" if line else "" for line in meaning[1:]]
        return self.render([*lines, ""], source="<newsqa config keys>")


def _field_list(content: StringList) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in content:
        if line.startswith(":") and ":" in line[1:]:
            key, _, rest = line[1:].partition(":")
            current = fields.setdefault(key.strip(), [])
            current.append(rest.strip())
        elif current is not None:
            current.append(line.strip())
    return fields


class CommandDirective(GeneratedDirective):
    """``.. newsqa-command:: ARGS``: run ``newsqa ARGS`` and show what it printed."""

    required_arguments = 1
    final_argument_whitespace = True
    allow_titles = False

    def run(self) -> list[Node]:
        args = shlex.split(self.arguments[0])
        completed = run_newsqa(args)
        lines = [".. code-block:: console", "", f"   $ newsqa {shlex.join(args)}"]
        lines += [f"   {line}" if line else "" for line in (completed.stdout + completed.stderr).splitlines()]
        lines.append("")
        if completed.returncode:
            lines += [f"Exit status: {completed.returncode}.", ""]
        return self.render(lines, source="<newsqa command>")


class WalkthroughDirective(GeneratedDirective):
    """``.. newsqa-walkthrough:: PATH`` with ``:published:``: a report, finding by finding."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"published": directives.unchanged}
    allow_titles = False

    def run(self) -> list[Node]:
        path = self.arguments[0]
        args = ["check", path]
        if "published" in self.options:
            args += ["--published", self.options["published"]]
        shown = run_newsqa(args)
        data = run_newsqa([*args, "--format", "json"])
        try:
            report = Report.from_json(data.stdout)
        except (ValueError, KeyError) as error:
            logger.warning(f"newsqa {shlex.join(args)} gave no JSON report: {error}: {data.stderr.strip()}")
            return []
        text = (ROOT / path).read_text(encoding="utf-8")
        output = (shown.stdout + shown.stderr).splitlines()
        lines = [
            ".. code-block:: console",
            "",
            f"   $ newsqa {shlex.join(args)}",
            *(["   …"] if len(output) > 1 else []),
            *[f"   {line}" for line in output[-1:]],
            "",
            _exit_explained(shown.returncode, report),
            "",
        ]
        if len(output) > 1:
            lines += [
                ".. raw:: html",
                "",
                f"   <details><summary>The whole output ({len(output)} lines)</summary>",
                "",
                ".. code-block:: text",
                "",
                *[f"   {line}" if line else "" for line in output],
                "",
                ".. raw:: html",
                "",
                "   </details>",
                "",
            ]
        lines += walkthrough(report, text)
        return self.render(lines, source="<newsqa walkthrough>")


def _exit_explained(status: int, report: Report) -> str:
    """Why ``newsqa check`` (default ``--fail-on warning``) exited as it did, from its report."""
    failing = len(report.at_or_above(Severity.WARNING))
    reasons = []
    if failing:
        reasons.append(f"{failing} finding{'s' if failing != 1 else ''} at or above the default ``--fail-on warning``")
    if report.not_run:
        reasons.append(f"checks that did not run ({', '.join(run.check for run in report.not_run)})")
    why = " and ".join(reasons) if reasons else "no finding at or above warning, and every check ran"
    return f"Exit status {status}: {why}. This output was produced when this page was built."


def walkthrough(report: Report, text: str) -> list[str]:
    """Each finding of ``report`` with its excerpt and what its rule is for, grouped by check."""
    rules = docgen.rules_by_code()
    checks = registered_checks()
    lines: list[str] = []
    for run in report.not_run:
        lines += [
            ".. warning::",
            "",
            f"   The ``{run.check}`` check did not run when these pages were built ({run.status.value}: "
            f"{docgen.plain_rst(run.reason or 'no reason given')}). The report above says so on its last "
            "lines, and the run fails unless ``--allow-skipped`` is given. "
            "See :doc:`/languagetool` to give it an engine.",
            "",
        ]
    explained: set[str] = set()  # each rule's what and why once, at its first finding
    by_check: dict[str, list[Any]] = {}
    for finding in report.findings:
        by_check.setdefault(finding.check, []).append(finding)
    for name, findings in sorted(by_check.items()):
        description = " ".join(checks[name].description.split()) if name in checks else ""
        lines += [f".. rubric:: {name}: {len(findings)} finding{'s' if len(findings) != 1 else ''}", ""]
        if description:
            lines += [f"*{description}* (:ref:`catalogue <check-{name}>`)", ""]
        for finding in findings:
            lines += _explained(finding, text, rules if finding.code not in explained else {})
            explained.add(finding.code)
    if not report.findings:
        lines += ["newsqa found nothing in this text.", ""]
    return lines


def _explained(finding: Any, text: str, rules: Mapping[str, Any]) -> list[str]:
    span = finding.span
    lines = [
        f"#. **Line {span.line}, column {span.column}**, :ref:`{finding.code} <{finding.code}>` "
        f"({finding.severity.value}): {_escape(finding.message)}",
        "",
        "   .. code-block:: text",
        "",
        *[f"      {line}" for line in docgen.render_finding(finding, text) if line.startswith("    ")],
        "",
    ]
    if finding.code in rules:
        _, rule = rules[finding.code]
        lines += [
            f"   *What it flags:* {_escape(' '.join(rule.summary.split()))} "
            f"*Why it matters:* {_escape(' '.join(rule.rationale.split()))}",
            "",
        ]
    return lines


def _escape(text: str) -> str:
    # Messages quote the article; keep RST from reading its asterisks, backquotes and the like as markup.
    return "".join("\\" + ch if ch in "\\*`_|[]<>" else ch for ch in text)


class SchemaDirective(GeneratedDirective):
    """``.. newsqa-schema::``: the report's JSON Schema as a field table and as JSON."""

    allow_titles = False

    def run(self) -> list[Node]:
        schema = newsqa.report_schema()
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 40 30 30",
            "",
            "   * - Field",
            "     - Type",
            "     - Required",
        ]
        for path, kind, required in docgen.schema_fields(schema):
            lines += [f"   * - ``{path}``", f"     - {kind}", f"     - {'yes' if required else 'no'}"]
        lines += [
            "",
            ".. raw:: html",
            "",
            "   <details><summary>The schema as JSON</summary>",
            "",
            ".. code-block:: json",
            "",
            *[f"   {line}" for line in json.dumps(schema, indent=2, ensure_ascii=False).splitlines()],
            "",
            ".. raw:: html",
            "",
            "   </details>",
            "",
        ]
        return self.render(lines, source="<newsqa schema>")


# --- cross-references and completeness ------------------------------------------------------


# Type aliases that type hints name bare (the annotations are strings).
_ALIASES = {"JSONValue": "newsqa.report.JSONValue"}


def _public_target(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve ``newsqa.report.Finding`` (how type hints name it) to the entry it is documented under.

    That is the same name re-exported by a package above its module: ``newsqa.Finding``,
    or ``newsqa.dates.resolve`` for ``newsqa.dates.resolve.resolve``.
    """
    target = _ALIASES.get(node.get("reftarget", ""), node.get("reftarget", ""))
    if node.get("refdomain") != "py" or not target.startswith("newsqa."):
        return None
    domain = env.get_domain("py")
    parts = target.split(".")
    candidates = [target] + [".".join([*parts[:cut], parts[-1]]) for cut in range(1, len(parts) - 1)]
    for candidate in candidates:
        if candidate in domain.objects:  # type: ignore[attr-defined]
            resolved = domain.resolve_any_xref(env, node["refdoc"], app.builder, candidate, node, contnode)
            if resolved:
                return resolved[0][1]
    return None


def _attrs_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """An attrs class's signature from its fields as declared, not from the generated ``__init__``.

    The generated one shows converters' loose types and ``NOTHING`` for factories.
    """
    if what != "class" or not attrs.has(obj):
        return None
    params: list[str] = []
    for field in attrs.fields(obj):
        if not field.init:
            continue
        if field.kw_only and "*" not in params:
            params.append("*")
        declared = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", repr(field.type))
        param = f"{field.alias or field.name}: {_DT_ALIAS.sub('datetime.', declared)}"
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory
            param += " = " + _FACTORY_DEFAULTS.get(factory, f"{getattr(factory, '__name__', 'factory')}()")
        elif field.default is not attrs.NOTHING:
            param += f" = {field.default!r}"
        params.append(param)
    return f"({', '.join(params)})", return_annotation


_FACTORY_DEFAULTS: dict[Any, str] = {dict: "{}", list: "[]", tuple: "()"}
# The modules import datetime as dt; the inventory knows it by its own name.
_DT_ALIAS = re.compile(r"\bdt\.")


def _check_public_names(app: Sphinx, env: BuildEnvironment) -> None:
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    for name in newsqa.__all__:
        if f"newsqa.{name}" not in objects:
            logger.warning(f"newsqa.{name} is in newsqa.__all__ but has no entry in the API reference")


def _always_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    # Pages made by running newsqa depend on the code, which Sphinx does not watch.
    return sorted(getattr(env, "newsqa_generated", set()) - removed)


# --- offline intersphinx ----------------------------------------------------------------------


# --- one LanguageTool server for the whole build ---------------------------------------------


def _start_languagetool(app: Sphinx) -> None:
    """Start one local LanguageTool server for every checker and command the build runs.

    Without it each checker would start its own. Nothing happens when a server
    is already configured through the environment, or LanguageTool was not
    fetched (the grammar check then does what it does anywhere: falls back to
    Harper, or reports itself as not run).
    """
    try:
        from newsqa.engines import EngineFailed, EngineUnavailable
        from newsqa.engines.languagetool import URL_ENVIRONMENT_VARIABLE, LocalServer, is_provisioned
    except ImportError:
        return
    if _servers or os.environ.get(URL_ENVIRONMENT_VARIABLE):
        return  # one server per process: docs/build.py runs two builds with it
    if not is_provisioned():
        logger.info("newsqa docs: LanguageTool is not fetched (`newsqa languagetool fetch`); no server started")
        return
    server = LocalServer()
    try:
        server.start()
    except (EngineUnavailable, EngineFailed) as error:
        logger.info(f"newsqa docs: no LanguageTool server: {error}")
        return
    os.environ[URL_ENVIRONMENT_VARIABLE] = server.url
    logger.info(f"newsqa docs: LanguageTool server for this build at {server.url}")
    _servers.append((URL_ENVIRONMENT_VARIABLE, server))


_servers: list[tuple[str, Any]] = []


@atexit.register
def _stop_languagetool() -> None:
    while _servers:
        variable, server = _servers.pop()
        os.environ.pop(variable, None)
        server.close()


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and event handlers."""
    app.add_directive("newsqa-catalogue", CatalogueDirective)
    app.add_directive("newsqa-check-list", CheckListDirective)
    app.add_directive("newsqa-check-options", CheckOptionsDirective)
    app.add_directive("newsqa-config-keys", ConfigKeysDirective)
    app.add_directive("newsqa-command", CommandDirective)
    app.add_directive("newsqa-walkthrough", WalkthroughDirective)
    app.add_directive("newsqa-schema", SchemaDirective)
    app.connect("missing-reference", _public_target)
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("env-check-consistency", _check_public_names)
    app.connect("env-get-outdated", _always_outdated)
    app.connect("builder-inited", _start_languagetool)
    app.connect("build-finished", _close_checkers)
    return {"version": newsqa.__version__, "parallel_read_safe": False, "parallel_write_safe": True}
