"""The assessment's arithmetic over the per-member aggregates, and its settings.

For each component i weighed (weight w_i > 0) and a member m::

    value_i  = amount / base            (a rate: over the member's own denominator)
             = amount                   (a count)
    cap_i(m) = cap_i                    (a rate)
             = cap_i × expected(m) / sessions   (a count: in proportion to the sessions the
                                                 member was expected at, of those held)
    points_i = full_marks × w_i / Σw × min(value_i, cap_i(m)) / cap_i(m)

rounded half up (四舍五入) to ``decimals`` places; the total is the sum of the rounded points,
so the line-by-line explanation adds up on paper. Everything is exact (fractions) until that
rounding. A member's records alone decide their score: nobody else's records enter it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from studylog.errors import StudylogError

#: The [assess] settings other than the components, with their defaults.
FULL_MARKS = 100
THRESHOLD = 60
DECIMALS = 2
SCALARS = ("full_marks", "threshold", "makeup_days", "decimals")


@dataclass(frozen=True)
class Default:
    weight: Decimal
    cap: Decimal
    rate: bool


@dataclass(frozen=True)
class Weighed:
    """A component in force: its weight (> 0) and cap from the settings or the defaults."""

    name: str
    weight: Decimal
    cap: Decimal
    rate: bool


@dataclass(frozen=True)
class AssessSettings:
    components: tuple[Weighed, ...]
    makeup_days: int
    full_marks: Decimal = Decimal(FULL_MARKS)
    threshold: Decimal = Decimal(THRESHOLD)
    decimals: int = DECIMALS

    @property
    def total_weight(self) -> Decimal:
        return sum((component.weight for component in self.components), Decimal(0))

    def most(self, component: Weighed) -> Fraction:
        """What the component gives at its cap, exactly: full marks × w ÷ Σw."""
        return Fraction(self.full_marks * component.weight) / Fraction(self.total_weight)

    def full_points(self, component: Weighed) -> Decimal:
        """What the component gives at its cap, rounded as points are."""
        return self.rounded(self.most(component))

    def rounded(self, number: Fraction) -> Decimal:
        """Half up (四舍五入) to ``decimals`` places, exactly."""
        scaled = number * 10**self.decimals
        whole = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
        return Decimal(whole).scaleb(-self.decimals)


def _number(value: Any) -> Decimal | None:
    """A TOML number as written (0.9 is 0.9, not the float nearest it); None for anything else."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return Decimal(repr(value))


def read_settings(
    raw: Mapping[str, Any], defaults: Mapping[str, Default], *, path: str, makeup_days: int
) -> AssessSettings:
    """The ``[assess]`` table checked: every complaint names the file and the key."""

    def bad(key: str, value: Any, wanted: str) -> StudylogError:
        return StudylogError(
            "config_value", path=path, key="assess." + key, value=repr(value), wanted=wanted
        )

    for key in raw:
        if key not in SCALARS and key not in defaults:
            raise StudylogError(
                "assess_unknown_component", path=path, name=key, known=list(defaults)
            )
    full = _number(raw.get("full_marks", FULL_MARKS))
    if full is None or full <= 0:
        raise bad("full_marks", raw.get("full_marks"), "a number above 0, e.g. 100")
    threshold = _number(raw.get("threshold", THRESHOLD))
    if threshold is None or not 0 <= threshold <= full:
        raise bad("threshold", raw.get("threshold"), f"a number from 0 to {full}, e.g. 60")
    days = raw.get("makeup_days", makeup_days)
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise bad("makeup_days", days, "a whole number of days, 0 or more")
    places = raw.get("decimals", DECIMALS)
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 4:
        raise bad("decimals", places, "a whole number from 0 to 4")
    components = []
    for name, default in defaults.items():
        table = raw.get(name, {})
        if not isinstance(table, dict):
            raise bad(name, table, f"a table, [assess.{name}] with weight and cap")
        for key in table:
            if key not in ("weight", "cap"):
                raise StudylogError(
                    "config_key",
                    path=path,
                    key=f"assess.{name}.{key}",
                    known=[f"assess.{name}.weight", f"assess.{name}.cap"],
                )
        weight = _number(table.get("weight", default.weight))
        if weight is None or weight < 0:
            raise bad(f"{name}.weight", table.get("weight"), "a number, 0 or more, e.g. 20")
        cap = _number(table.get("cap", default.cap))
        limit = Decimal(1) if default.rate else None
        if cap is None or cap <= 0 or (limit is not None and cap > limit):
            wanted = "a share above 0 and at most 1, e.g. 1" if default.rate else "a number above 0"
            raise bad(f"{name}.cap", table.get("cap"), wanted)
        if weight:
            components.append(Weighed(name, weight, cap, default.rate))
    if not components:
        raise StudylogError("assess_no_weight", path=path)
    return AssessSettings(tuple(components), days, full, threshold, places)


@dataclass(frozen=True)
class Measured:
    """A component's per-member aggregate: a count, or a rate's numerator and denominator."""

    amount: int | float | Decimal
    base: int | None = None
    per: int = 1  # the amount counts 1/per units: value = amount / per, exactly


@dataclass(frozen=True)
class ComponentScore:
    name: str
    amount: Fraction
    base: int | None
    value: Fraction | None  # amount / base for a rate (None over nothing), else amount
    weight: Decimal
    cap: Fraction  # the member's own cap (a count's in proportion to their sessions)
    points: Decimal
    rate: bool


@dataclass(frozen=True)
class MemberScore:
    member: str
    title: str | None
    expected: int  # sessions the member was expected at
    sessions: int  # sessions held
    components: tuple[ComponentScore, ...]
    total: Decimal
    rank: int = 0
    below_threshold: bool = False


def score_member(
    *,
    member: str,
    title: str | None,
    expected: int,
    sessions: int,
    measured: Mapping[str, Measured],
    settings: AssessSettings,
) -> MemberScore:
    """One member's points, component by component (the module's formula)."""
    scores = []
    for component in settings.components:
        found = measured[component.name]
        amount = Fraction(str(found.amount)) / found.per  # as the database summed it
        if component.rate:
            value = amount / found.base if found.base else None
            cap = Fraction(component.cap)
        else:
            value = amount
            cap = Fraction(component.cap) * expected / sessions if sessions else Fraction(0)
        share = min(value, cap) / cap if value is not None and cap else Fraction(0)
        exact = settings.most(component) * share
        scores.append(
            ComponentScore(
                component.name,
                amount,
                found.base,
                value,
                component.weight,
                cap,
                settings.rounded(exact),
                component.rate,
            )
        )
    total = sum((score.points for score in scores), Decimal(0))
    return MemberScore(member, title, expected, sessions, tuple(scores), total)


def ranked(scores: Sequence[MemberScore], settings: AssessSettings) -> list[MemberScore]:
    """Highest total first; equal totals share a rank (1, 2, 2, 4), in the members' order."""
    ordered = sorted(scores, key=lambda score: -score.total)  # stable: the members' order
    result: list[MemberScore] = []
    for place, score in enumerate(ordered, start=1):
        tied = result and result[-1].total == score.total
        rank = result[-1].rank if tied else place
        below = score.total < settings.threshold
        result.append(replace(score, rank=rank, below_threshold=below))
    return result


def as_toml(settings: AssessSettings, defaults: Mapping[str, Default]) -> str:
    """The ``[assess]`` settings in force (``config show``), the components off listed too."""
    lines = [
        "[assess]",
        f"full_marks = {settings.full_marks}",
        f"threshold = {settings.threshold}",
        f"makeup_days = {settings.makeup_days}",
        f"decimals = {settings.decimals}",
    ]
    weighed = {component.name: component for component in settings.components}
    for name, default in defaults.items():
        component = weighed.get(name)
        lines += [
            "",
            f"[assess.{name}]",
            f"weight = {component.weight if component else 0}",
            f"cap = {component.cap if component else default.cap}",
        ]
    return "\n".join(lines)
