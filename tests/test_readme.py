"""Every code block of README.md works: the YAML parses (an article example is a valid article), the shell
commands run as written, and the invite URL asks for exactly the permissions the table lists.

Shell lines run in an empty folder holding the README's YAML article as ``my-article.yaml``. Left out,
because they install packages or reach the network: ``pip install`` and the test run itself (covered by
tests/test_packaging.py and CI), ``export DISCORD_TOKEN=...``, and commands given a web address. ``run`` and
``sync`` run without a token and must stop at the one-line "no bot token" error, not at a usage error.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from retrieval import yaml_read
from retrieval.load import parse_article
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>\w*)\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)


def _blocks() -> list[tuple[str, str, int]]:
    found = []
    for m in BLOCK.finditer(README):
        indent = m.group("indent")
        body = "".join(line[len(indent):] if line.startswith(indent) else line
                       for line in m.group("body").splitlines(keepends=True))
        found.append((m.group("lang"), body, README[: m.start()].count("\n") + 1))
    return found


def _commands(body: str) -> list[str]:
    """The block's commands to run: comments and the left-out steps dropped, ``&&`` chains kept in part."""
    commands = []
    for line in body.splitlines():
        line = re.sub(r"\s+#\s.*$", "", line).strip()
        if not line or line.startswith("#"):
            continue
        kept = [part.strip() for part in line.split("&&")
                if not re.match(r"(pip install|python -m pytest|export DISCORD_TOKEN)", part.strip())]
        commands += [part for part in kept if not re.search(r"\bhttps?://", part)]
    return commands


def test_the_readme_has_the_blocks_this_test_reads():
    langs = [lang for lang, _, _ in _blocks()]
    assert langs.count("sh") >= 3 and "yaml" in langs and "" in langs


@pytest.mark.parametrize("lang,body,line", [b for b in _blocks() if b[0] == "yaml"], ids=lambda v: str(v)[:20])
def test_yaml_blocks_parse(lang, body, line):
    data = yaml_read.load(body)
    if isinstance(data, dict) and "paragraphs" in data:
        article = parse_article(body, f"README.md:{line}")
        assert article.title and article.paragraphs


def test_shell_blocks_run_as_written(tmp_path):
    article = next(body for lang, body, _ in _blocks() if lang == "yaml" and "paragraphs:" in body)
    (tmp_path / "my-article.yaml").write_text(article, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "ARTICLEBOT_CONFIG")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    commands = [c for lang, body, _ in _blocks() if lang == "sh" for c in _commands(body)]
    assert any(c.startswith("articlebot ask") for c in commands)
    for command in commands:
        run = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=120)
        assert "Traceback" not in run.stderr, (command, run.stderr)
        if re.match(r"articlebot (run|sync)\b", command):
            assert run.returncode == 1 and "no bot token" in run.stderr, (command, run.stderr)
        else:
            assert run.returncode == 0 and run.stdout.strip(), (command, run.stderr)


def test_the_invite_url_asks_for_the_permissions_in_the_table():
    import discord

    url = next(body.strip() for lang, body, _ in _blocks() if lang == "" and "oauth2/authorize" in body)
    query = parse_qs(urlparse(url).query)
    assert urlparse(url).scheme == "https" and query["scope"] == ["bot applications.commands"]
    table = re.search(r"\| permission \| why \|\n\s*\|---\|---\|\n(?P<rows>(?:\s*\|.*\|\n)+)", README).group("rows")
    listed = discord.Permissions.none()
    for row in table.splitlines():
        name = row.split("|")[1].strip().lower().replace(" ", "_")  # "View Channels" -> view_channel(s)
        flag = next(n for n in (name, name.rstrip("s"), name.replace("channels", "channel"))
                    if hasattr(discord.Permissions, n))
        setattr(listed, flag, True)
    assert int(query["permissions"][0]) == listed.value
