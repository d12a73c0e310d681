"""Rendering a page: the Jinja2 templates shipped in the package, in the reader's language."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from studylog.text.language import Language, speaking
from studylog.text.messages import t
from studylog.text.values import shown
from studylog.text.vocab import label

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(t=t, label=label, shown=shown, percent=percent)
    return env


def render(name: str, language: Language, **context: Any) -> str:
    """The template ``name`` filled in, every message in ``language``."""
    with speaking(language):
        return environment().get_template(name).render(language=language, **context)


def language_of(value: str | None) -> Language:
    """The page's language: Chinese unless the reader asked for English."""
    return "en" if (value or "").strip().lower() == "en" else "zh"


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"
