"""It installs like a package: a built wheel answers with its own package data, away from the repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

QUESTION = "Who called US policies evil and stupid?"


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    """The project built as a wheel (no network: no build isolation, no dependencies) and unpacked."""
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy of what the sdist would hold, so a stale build/ folder in the checkout cannot help.
    source = out / "source"
    for name in ("pyproject.toml", "README.md"):
        source.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    for package in ("bot", "retrieval"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                            "--wheel-dir", str(out), str(source)], capture_output=True, text=True, timeout=120)
    if built.returncode != 0 and "No module named" in built.stderr:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip().splitlines()[-1]}")
    assert built.returncode == 0, built.stderr
    wheel = next(out.glob("articlebot-*.whl"))
    site = out / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def test_the_wheel_ships_the_default_settings_and_article(unpacked_wheel):
    assert (unpacked_wheel / "bot" / "data" / "default.yaml").is_file()
    assert (unpacked_wheel / "bot" / "data" / "articles" / "iran-pakistan-defense-ties.txt").is_file()


def test_the_wheel_holds_every_package_of_the_source(unpacked_wheel):
    for package in ("bot", "retrieval"):
        for init in (ROOT / package).rglob("__init__.py"):
            assert (unpacked_wheel / init.relative_to(ROOT)).is_file(), f"{init.parent.relative_to(ROOT)} not shipped"


# The project's own editable install answers imports that the wheel cannot (its finder maps bot and
# retrieval back to the checkout): it is removed, so only the unpacked wheel (and the dependencies) serve.
RUN_WHEEL = ("import runpy, sys; "
             "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in str(getattr(f, '__module__', ''))]; "
             "sys.path[:] = [p for p in sys.path if 'editable' not in p]; "
             "sys.argv = ['articlebot', *sys.argv[1:]]; runpy.run_module('bot', run_name='__main__')")


def test_the_installed_wheel_answers_from_any_folder(unpacked_wheel, tmp_path):
    # Only the unpacked wheel on the path (plus the venv's dependencies), run from an empty folder.
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel)}
    env.pop("ARTICLEBOT_CONFIG", None)
    run = subprocess.run([sys.executable, "-P", "-c", RUN_WHEEL, "ask", QUESTION], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Ali Hatami" in run.stdout and "evil" in run.stdout
    where = subprocess.run([sys.executable, "-P", "-c", "import bot; print(bot.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, env=env, timeout=60)
    assert where.stdout.strip().startswith(str(unpacked_wheel))
