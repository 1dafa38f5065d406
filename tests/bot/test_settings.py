"""Settings: every key of the wrong type, and every hostile YAML file, is one line on stderr with exit 4."""
from __future__ import annotations

import io

import pytest

from bot.cli import ExitStatus, main
from bot.settings import ARTICLE_KEYS, KEYS, SettingsError, load_settings
from tests.conftest import SHIPPED

WRONG_VALUES = ["5", "0", "-3", "true", "false", "'five'", "''", "[1, 2]", "{a: 1}", "null", ".nan", ".inf",
                "2024-01-05", "'javascript:alert(1)'"]


def settings_text(section: str = "", key: str = "", value: str = "", articles: str | None = None) -> str:
    """Valid settings for the shipped article, with one key set to ``value``."""
    lines = ["articles:" if articles is None else f"articles: {articles}"]
    if articles is None:
        article_line = {"path": f"path: {SHIPPED}", "url": "url: null"}
        if section == "articles":
            article_line[key] = f"{key}: {value}"
        lines += ["  a:", *(f"    {v}" for v in article_line.values())]
    if not key:
        pass
    elif section == "":
        lines.append(f"{key}: {value}")
    elif section != "articles":
        lines += [f"{section}:", f"  {key}: {value}"]
    return "\n".join(lines) + "\n"


def run_with(tmp_path, text: str | bytes) -> tuple[int, str]:
    path = tmp_path / "settings.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    out, err = io.StringIO(), io.StringIO()
    status = main(["--config", str(path), "ask", "Who is Raj?"], stdin=io.StringIO(), stdout=out, stderr=err)
    return status, err.getvalue()


def one_line_error(status: int, err: str) -> None:
    assert status == ExitStatus.BAD_SETTINGS, err
    assert err.startswith("articlebot: error: ") and err.count("\n") == 1 and len(err) < 400, err


EVERY_KEY = [(section, key) for section, rules in KEYS.items() for key in rules] + [("articles", k) for k in ARTICLE_KEYS]


@pytest.mark.parametrize("section,key", EVERY_KEY)
def test_every_key_with_any_value_loads_or_gets_one_line(tmp_path, section, key):
    refused = 0
    for value in WRONG_VALUES:
        path = tmp_path / "s.yaml"
        path.write_text(settings_text(section, key, value))
        try:
            load_settings(path)
        except SettingsError as exc:
            refused += 1
            assert "\n" not in str(exc) and len(str(exc)) < 300 and key in str(exc), (value, str(exc))
    assert refused >= len(WRONG_VALUES) - 4, f"{section}.{key} accepts nearly anything"


@pytest.mark.parametrize("articles", ["5", "true", "'text'", "[a, b]", "{}", "null"])
def test_articles_of_the_wrong_type_exit_4(tmp_path, articles):
    one_line_error(*run_with(tmp_path, settings_text(articles=articles)))


@pytest.mark.parametrize("section,key,value,words", [
    ("answers", "max_quotes", "true", "answers.max_quotes to be a whole number >= 1, found true"),
    ("discord", "cooldown_seconds", ".nan", "discord.cooldown_seconds to be a number of seconds > 0, found nan"),
    ("discord", "cooldown_seconds", ".inf", "found inf"),
    ("discord", "shards", "'many'", "discord.shards to be null, a whole number >= 1 or auto"),
    ("", "default_article", "[a]", "default_article to be the key of one of the articles, or null, found a list"),
    ("articles", "url", "'javascript:alert(1)'", "articles.a.url to be an http(s) address or null"),
    ("articles", "path", "{x: 1}", "articles.a.path to be the article file's path, found a mapping"),
    ("", "answers", "5", "expected answers to be a mapping of keys to values, found 5"),
])
def test_a_wrong_type_names_the_key_and_what_was_expected(tmp_path, section, key, value, words):
    status, err = run_with(tmp_path, settings_text(section, key, value))
    one_line_error(status, err)
    assert words in err


def test_a_key_added_to_the_table_is_validated_and_defaulted(tmp_path, monkeypatch):
    from bot.settings import Rule, whole

    monkeypatch.setitem(KEYS, "database", {"pool": Rule("a whole number >= 1", whole(1), 4)})
    path = tmp_path / "s.yaml"
    path.write_text(settings_text())
    assert load_settings(path).values["database"]["pool"] == 4
    path.write_text(settings_text("database", "pool", "'four'"))
    with pytest.raises(SettingsError, match="database.pool to be a whole number >= 1, found 'four'"):
        load_settings(path)


BILLION_LAUGHS = "\n".join([
    "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']",
    *(f"{chr(98 + n)}: &{chr(98 + n)} [{','.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)),
])


@pytest.mark.parametrize("text,words", [
    # A billion laughs where a number belongs: refused before anything expands or is repr()'d.
    (settings_text("answers", "max_quotes", "*i").replace("articles:", BILLION_LAUGHS + "\narticles:", 1),
     "aliases"),
    ("articles:\n  a:\n    path: x\n" + "discord: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
    ("articles:\n  a:\n    path: x\x00\n", "control character U+0000"),
    ("articles:\n  a:\n    path: x\x07\n", "control character U+0007"),
    ("articles:\n  a:\n    path: x\n  a:\n    path: y\n", "the key 'a' appears twice"),
    ("articles:\n  a:\n    path: x\nanswers:\n  max_quotes: 2024-02-30\n", "cannot read the value '2024-02-30'"),
    ("articles: [\n", "not valid YAML"),
    ("articles:\n  a:\n    path: x\n" + "# padding\n" * 200_000, "larger than"),
    (b"articles:\n  a:\n    path: caf\xe9\n", "not UTF-8"),
])
def test_hostile_yaml_gets_one_line_with_exit_4(tmp_path, text, words):
    status, err = run_with(tmp_path, text)
    one_line_error(status, err)
    assert words in err


def test_dev_zero_as_settings_is_refused_without_reading_it_all():
    out, err = io.StringIO(), io.StringIO()
    status = main(["--config", "/dev/zero", "ask", "x"], stdin=io.StringIO(), stdout=out, stderr=err)
    one_line_error(status, err.getvalue())


def test_the_error_names_the_line_of_a_yaml_problem(tmp_path):
    status, err = run_with(tmp_path, "articles:\n  a:\n    path: x\n  b: [\x01]\n")
    one_line_error(status, err)
    assert "settings.yaml:4:" in err
