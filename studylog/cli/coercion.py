"""Plain option values (text, whole numbers, flags) converted without pydantic.

Typer 0.29 converts every option value through a pydantic ``TypeAdapter``, and importing
pydantic costs each command ≈50 ms of start-up: more than the rest of a small ``stats``.
Most values need nothing: a text option's value already is text, a flag's is True or
False, a number option's is a string of digits. Those are converted here, to exactly what
pydantic returns for them; any other value (``-3``, ``1_000``, ``12.5``), and every other
kind of option, still goes through Typer's own conversion, with its own messages.

:func:`install` puts :func:`runtime_param` in the place where Typer builds a parameter's
conversion (``typer.core.build_runtime_param``), the one place every parameter goes
through, the help option and the root's included. Should a later Typer move it, nothing is
installed and Typer converts every value as before: slower, never different (a test
watches for that).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import typer.core
from typer._coercion import RuntimeParam, TypeDescriptor

from studylog.text.periods import typed_number

PLAIN_TYPES = (str, int, bool)
# A plain number: ASCII digits, short of any limit (Python refuses over 4,300 digits).
_DIGITS = re.compile(r"[0-9]{1,18}")

_typer_runtime_param: Callable[[TypeDescriptor], RuntimeParam] | None = None


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """A text, whole-number or flag option: the usual values here, the rest through Typer."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is self.annotation:
            return value
        if (
            self.annotation is int
            and isinstance(value, str)
            and getattr(param, "name", "")
            in (
                "year",
                "month",
            )
        ):
            value = typed_number(value)  # --year 2026年, --month 7月
        if self.annotation is int and isinstance(value, str) and _DIGITS.fullmatch(value):
            return int(value)
        assert _typer_runtime_param is not None
        typer_param = _typer_runtime_param(self.descriptor)  # imports pydantic
        return typer_param._coerce_value(value, param=param, ctx=ctx)


def runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """The conversion of one parameter: :class:`PlainParam` where it can, else Typer's."""
    assert _typer_runtime_param is not None
    info = descriptor.parameter_info
    plain = (
        descriptor.annotation in PLAIN_TYPES
        and getattr(info, "parser", None) is None
        and getattr(info, "min", None) is None
        and getattr(info, "max", None) is None
        and not descriptor.is_choice
        and not descriptor.is_file
        and not descriptor.is_path
    )
    if not plain:
        return _typer_runtime_param(descriptor)
    return PlainParam(parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor)


def install() -> None:
    """Convert plain option values here from now on (once per process)."""
    global _typer_runtime_param
    if _typer_runtime_param is None and hasattr(typer.core, "build_runtime_param"):
        _typer_runtime_param = typer.core.build_runtime_param
        typer.core.build_runtime_param = runtime_param
