from __future__ import annotations

from pathlib import Path

import pytest

from newsqa import Config, ConfigError, Severity, find_config, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    config = Config()
    assert config.language is None
    assert config.select == ()
    assert config.max_bytes == 10 * 1024 * 1024


def test_newsqa_toml_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "newsqa.toml",
        'language = "en-GB"\nignore = ["NQ3"]\nknown_names = ["Pistorius"]\n'
        '[preferences]\nNATO = "Nato"\n[severity]\nNQ001 = "warning"\n',
    )
    config = load_config(path)
    assert config.language == "en-GB"
    assert config.ignore == ("NQ3",)
    assert config.known_names == ("Pistorius",)
    assert config.preferences == {"NATO": "Nato"}
    assert config.severity == {"NQ001": Severity.WARNING}
    assert config.source == str(path)


def test_pyproject_tool_table_is_found_upward(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "site"\n[tool.newsqa]\nlanguage = "en-US"\n')
    article = write(tmp_path / "news" / "2024" / "story.txt", "Text.")
    assert find_config(article).language == "en-US"


def test_nearest_newsqa_toml_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.newsqa]\nlanguage = "en-US"\n')
    write(tmp_path / "news" / "newsqa.toml", 'language = "en-GB"\n')
    article = write(tmp_path / "news" / "story.txt", "Text.")
    assert find_config(article).language == "en-GB"


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) == Config()


def test_per_check_section_is_validated(tmp_path: Path) -> None:
    path = write(tmp_path / "newsqa.toml", "[characters]\nunknown = 1\n")
    with pytest.raises(ConfigError, match=r"newsqa\.toml: unknown key characters\.unknown"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('colour = "red"\n', r"newsqa\.toml: unknown key 'colour'"),
        ('language = "klingon"\n', r"newsqa\.toml: language: 'klingon' is not one of"),
        ("ignore = 3\n", r"newsqa\.toml: ignore: expected a list of strings"),
        ('[severity]\nNQ001 = "fatal"\n', r"newsqa\.toml: severity\.NQ001: 'fatal' is not"),
        ("max_bytes = -1\n", r"newsqa\.toml: max_bytes: must be a positive integer"),
        ("[preferences]\nNATO = 1\n", r"newsqa\.toml: preferences: expected a table"),
        ("language = \n", r"newsqa\.toml: not valid TOML"),
        ("characters = 1\n", r"newsqa\.toml: \[characters\] must be a table"),
    ],
)
def test_bad_config_names_key_and_file(tmp_path: Path, text: str, pattern: str) -> None:
    path = write(tmp_path / "newsqa.toml", text)
    with pytest.raises(ConfigError, match=pattern):
        load_config(path)


def test_unreadable_and_non_utf8_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "newsqa.toml"
    bad.write_bytes(b'language = "\xff"\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


def test_config_in_python_is_validated() -> None:
    with pytest.raises(ConfigError, match="language"):
        Config(language="en-XX")
    with pytest.raises(ConfigError, match="unknown check section"):
        Config(checks={"nonsense": {}})
    assert Config(language="en-GB").evolve(language="en-US").language == "en-US"
