"""Build the scale data for the benchmarks: many groups over many years, deterministically.

    python bench/make_data.py --groups 300 --years 10 [--seed 7] [--out bench/data]

Each group has 12 members (a leader, a deputy, a secretary, nine members; two of them replaced
along the way), about 24 sessions a year (four topic sessions, half with a discussion),
leaves, lateness and absences, make-ups for most misses, one or two speeches a session. With
300 groups over 10 years that is about 860,000 roll lines.

It writes, into --out:
- ``scale.db``: every group and year, loaded through studylog's own bulk path (its import:
  a folder of CSV files per group, read, checked and inserted in batches);
- ``one-year.db``: the same groups, the last year only (stats on one year of data);
- ``import/``: the same roll as one folder of CSV files (members, sessions, attendance: about
  a million rows in all) for the import benchmark, every group merged into one.

When a PostgreSQL server answers at ``STUDYLOG_BENCH_PG`` (an admin URL; default: the local
server's ``test`` database), the scale data is also loaded, the same way (studylog's import,
STUDYLOG_DB set to the database's URL), into a database of its own, ``studylog_bench_scale``,
dropped and created afresh on each build. When none answers, it says so and skips it.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉力鹏宇浩凯健俊帆"
TITLES = ["党组书记、局长", "党组副书记、副局长", "党组成员、副局长", "党组成员、副局长",
          "党组成员、纪检监察组组长", "党组成员、总经济师", "党组成员、副局长", "办公室主任",
          "政策法规处处长", "综合处处长", "机关党委专职副书记", "人事处处长"]  # fmt: skip
ROLES = ["leader", "deputy"] + ["member"] * 9 + ["secretary"]
STATUSES = ["present"] * 93 + ["late"] * 2 + ["leave"] * 4 + ["absent"]
REASONS = ["出差", "参加上级会议", "病假", "外出调研", "公务"]
KINDS = ["key", "written", "exchange"]
LAST_YEAR = 2025  # make-ups may not be dated in the future


@dataclass
class Person:
    name: str
    title: str
    role: str
    joined: date | None
    retired: date | None

    def expected(self, day: date) -> bool:
        return (self.joined is None or self.joined <= day) and (
            self.retired is None or self.retired >= day
        )


@dataclass
class Group:
    name: str
    people: list[Person]
    sessions: list[dict[str, str]]
    attendance: list[dict[str, str]]
    makeups: list[dict[str, str]]
    speeches: list[dict[str, str]]


def make_group(number: int, years: list[int], rng: random.Random) -> Group:
    suffix = f"{number:04d}"
    used: set[str] = set()

    def person_name() -> str:
        while True:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN])
            if name not in used:
                used.add(name)
                return name + suffix  # unique across groups too, for the merged import file

    people = [Person(person_name(), TITLES[i], ROLES[i], None, None) for i in range(12)]
    first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
    for seat in rng.sample(range(2, 11), 2):  # two members replaced along the way
        leaving = first + timedelta(days=rng.randrange(180, (last - first).days - 180))
        people[seat].retired = leaving
        people.append(Person(person_name(), TITLES[seat], "member", leaving + timedelta(1), None))

    sessions, attendance, makeups, speeches = [], [], [], []
    session_id = 0
    for year in years:
        topic_months = set(rng.sample(range(1, 13), 4))
        for month in range(1, 13):
            for half, day_of_month in enumerate((rng.randint(5, 12), rng.randint(18, 26))):
                day = date(year, month, day_of_month)
                session_id += 1
                topic = half == 0 and month in topic_months
                sessions.append({
                    "id": str(session_id), "date": day.isoformat(),
                    "title": f"{'专题学习' if topic else '集中学习'}{year}-{month:02d}-{half + 1}",
                    "kind": "topic" if topic else "study",
                    "discussion": "yes" if topic or half == 1 else "no",
                    "format": rng.choice(["in-person"] * 8 + ["online", "field"]),
                    "host": people[0].name,
                })  # fmt: skip
                present_today = [p for p in people if p.expected(day)]
                for person in present_today:
                    status = rng.choice(STATUSES)
                    attendance.append({
                        "session": str(session_id), "date": day.isoformat(),
                        "member": person.name, "status": status,
                        "reason": rng.choice(REASONS) if status == "leave" else "",
                    })  # fmt: skip
                    if status in ("leave", "absent") and rng.random() < 0.85:
                        made_up = min(
                            day + timedelta(days=rng.randint(1, 20)), date(LAST_YEAR, 12, 31)
                        )
                        makeups.append({
                            "session": str(session_id), "date": day.isoformat(),
                            "member": person.name, "made_up": made_up.isoformat(),
                            "method": rng.choice(["self-study", "notes", "online", "briefing"]),
                        })  # fmt: skip
                for speaker in rng.sample(present_today, rng.randint(1, 2)):
                    speeches.append({
                        "session": str(session_id), "date": day.isoformat(),
                        "member": speaker.name, "kind": rng.choice(KINDS), "title": "学习体会",
                    })  # fmt: skip
    return Group(f"第{suffix}组党组理论学习中心组", people, sessions, attendance, makeups, speeches)


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_group(folder: Path, group: Group, years: list[int]) -> None:
    """The group's records in the years given, as export-format CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {str(year) for year in years}
    keep = [row for row in group.sessions if row["date"][:4] in wanted]
    ids = {row["id"] for row in keep}
    first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
    people = [
        {
            "name": p.name, "title": p.title, "role": p.role,
            "joined": p.joined.isoformat() if p.joined else "",
            "retired": p.retired.isoformat() if p.retired else "",
        }
        for p in group.people
        if (p.joined is None or p.joined <= last) and (p.retired is None or p.retired >= first)
    ]  # fmt: skip
    write_csv(folder / "members.csv", people, ["name", "title", "role", "joined", "retired"])
    write_csv(folder / "sessions.csv", keep,
              ["id", "date", "title", "kind", "discussion", "format", "host"])  # fmt: skip
    for table, columns in (
        ("attendance", ["session", "date", "member", "status", "reason"]),
        ("makeups", ["session", "date", "member", "made_up", "method"]),
        ("speeches", ["session", "date", "member", "kind", "title"]),
    ):
        rows = [row for row in getattr(group, table) if row["session"] in ids]
        write_csv(folder / f"{table}.csv", rows, columns)


def load(target: Path | str, groups: list[Group], years: list[int], scratch: Path) -> None:
    """Load the groups into ``target`` (a SQLite file, or a database URL whose database exists
    and is empty) through studylog's import, one transaction per group."""
    from studylog.records.orgs import create_org
    from studylog.store.db import open_engine, resolve_url, transaction
    from studylog.transfer.importer import import_records
    from studylog.transfer.readers import read_source

    if isinstance(target, Path):
        label = target.name
        if target.exists():
            target.unlink()
        url = resolve_url(str(target))
    else:
        label = target.rsplit("/", 1)[-1]
        os.environ["STUDYLOG_DB"] = target  # resolved as the command line resolves it
        url = resolve_url(None)
    engine = open_engine(url, create=True)
    try:
        for number, group in enumerate(groups, start=1):
            folder = scratch / f"group-{number:04d}"
            write_group(folder, group, years)
            with transaction(engine) as session:
                create_org(session=session, name=group.name)
                with read_source(folder) as source:
                    import_records(
                        session=session, source=source, org_name=group.name,
                        fallback_org=group.name,
                    )  # fmt: skip
            shutil.rmtree(folder)
            if number % 25 == 0:
                print(f"  {label}: {number}/{len(groups)} groups", file=sys.stderr)
    finally:
        engine.dispose()


def load_postgres(groups: list[Group], years: list[int], scratch: Path) -> None:
    """The scale data in PostgreSQL too, when a server answers; else say why not."""
    import benchpg as pg

    why_not = pg.reachable()
    if why_not is not None:
        print(f"PostgreSQL not reachable at {pg.shown()} ({why_not}): skipped", file=sys.stderr)
        return
    started = time.perf_counter()
    pg.recreate(pg.SCALE_DB)
    print(f"PostgreSQL: loading {pg.shown(pg.SCALE_DB)} (dropped and created afresh)",
          file=sys.stderr)  # fmt: skip
    load(pg.url_for(pg.SCALE_DB), groups, years, scratch)
    pg.vacuum_analyze(pg.SCALE_DB)  # the planner's statistics, as autovacuum would leave them
    print(f"PostgreSQL: {pg.SCALE_DB} loaded in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)  # fmt: skip


def merged(groups: list[Group]) -> Iterator[tuple[str, list[str], list[dict[str, str]]]]:
    """Every group's roll as one group's, for the import benchmark: session ids renumbered."""
    people, sessions, attendance = [], [], []
    offset = 0
    for group in groups:
        people += [{"name": p.name, "title": p.title, "role": "member"} for p in group.people]
        for row in group.sessions:
            sessions.append({**row, "id": str(int(row["id"]) + offset), "host": ""})
        for row in group.attendance:
            attendance.append({**row, "session": str(int(row["session"]) + offset)})
        offset += len(group.sessions)
    yield "members", ["name", "title", "role"], people
    yield "sessions", ["id", "date", "title", "kind", "discussion", "format"], sessions
    yield "attendance", ["session", "date", "member", "status", "reason"], attendance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7, help="the same seed, the same data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    args = parser.parse_args()

    years = list(range(LAST_YEAR - args.years + 1, LAST_YEAR + 1))
    rng = random.Random(args.seed)
    started = time.perf_counter()
    groups = [make_group(number, years, rng) for number in range(1, args.groups + 1)]
    rolls = sum(len(group.attendance) for group in groups)
    print(f"{args.groups} groups, {years[0]}–{years[-1]}: {rolls:,} roll lines", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        load(args.out / "scale.db", groups, years, Path(scratch))
        load(args.out / "one-year.db", groups, years[-1:], Path(scratch))
        load_postgres(groups, years, Path(scratch))
    folder = args.out / "import"
    folder.mkdir(exist_ok=True)
    for table, columns, rows in merged(groups):
        write_csv(folder / f"{table}.csv", rows, columns)
    print(f"written to {args.out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
