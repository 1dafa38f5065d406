"""The pure core: parse an article, find who says what, rank passages, build answers (no Discord, no network).

Data files the core needs live in ``retrieval/data/`` (package data, shipped in the wheel; see
``[tool.setuptools.package-data]`` in pyproject.toml) and are found as ``Path(__file__).parent / "data"``.
"""
