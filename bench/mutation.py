"""Measure the suite's mutation score on the rule-bearing functions (mutmut 3).

    python bench/mutation.py                    # every group; writes bench/MUTATION.md
    python bench/mutation.py --budget 2400      # stop after 40 minutes (default 3600 s)
    python bench/mutation.py --group checks     # one group (repeatable); the others' last
                                                # results stand in the report
    python bench/mutation.py --sample 25        # a seeded random 25 of each group's mutants
    python bench/mutation.py --rerun-survivors  # after new tests: the survivors again
    python bench/mutation.py --named            # issue 16's seven mutations, by hand
    python bench/mutation.py --report-only      # rewrite MUTATION.md from the last runs

Not run by CI: it takes about an hour. Each group of GROUPS names its functions (``function``
or ``Class.method``, ``where:function`` for a name defined twice; the script finds the file
each lives in, so a module split in two needs no change here) and the fast in-process test
files that exercise them (no subprocess, browser, PDF, PostgreSQL or hypothesis tests). A group
runs in a scratch copy of the project of its own (``--work``, default ``bench/.mutation/``,
gitignored, like mutmut's ``mutants/``): mutmut is pointed at the group's files only, and
``mutmut run`` is given the group's functions by name, so no other function's mutants run.
mutmut then runs, for each mutant, only the group's tests that reach its function (fastest
first, stopping at the first failure). Groups run one after another with one worker (the
machine is shared); a group started when the budget has run out is listed as not checked.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Group:
    functions: list[str]
    tests: list[str]
    #: Lines (regular expressions) whose expressions are plumbing, not the rule: not mutated.
    plumbing: list[str] = field(default_factory=list)


# The rules studylog exists for: the figures, the checks, who is expected, the roll and make-up
# rules, the audit chain and record digests, the import's checks, the formula guard and the
# encoding detection. Plumbing (rendering, reading files, inserting in batches, the progress
# meter) is left out. About 900 mutants: an hour with one worker on the 2-core machine.
GROUPS: dict[str, Group] = {
    "figures": Group(
        [
            "figures/grouping:count_if",
            "figures/tallies:_session_figures",
            "figures/tallies:_roll_figures",
            "figures/tallies:_speech_figures",
            "figures/grouping:in_period",
            "figures/grouping:expected_lines",
            "figures/grouping:periods",
        ],
        [
            "tests/test_rules_by_hand.py",
            "tests/test_domain.py",
            "tests/test_year.py",
            "tests/test_mutants_figures.py",
        ],
    ),
    "checks": Group(
        [
            "figures/checks:_attendance",
            "figures/checks:_discussions",
            "figures/checks:_speeches",
            "figures/checks:_makeups",
        ],
        ["tests/test_rules_by_hand.py", "tests/test_check.py", "tests/test_mutants_checks.py"],
    ),
    "expected members": Group(
        ["expected_on", "records/members:in_group", "Person.in_group", "Person.expected"],
        [
            "tests/test_rules_by_hand.py",
            "tests/test_domain.py",
            "tests/test_refusals.py",
            "tests/test_mutants_expected.py",
        ],
    ),
    "roll and make-up rules": Group(
        ["_name_once", "mark_roll", "records/makeups:add_makeup"],
        [
            "tests/test_rules_by_hand.py",
            "tests/test_refusals.py",
            "tests/test_domain.py",
            "tests/test_mutants_expected.py",
        ],
    ),
    "audit chain and digests": Group(
        ["store/chain:_digest", "store/chain:verify", "canonical", "row_digest"],
        [
            "tests/test_audit.py",
            "tests/test_integrity.py",
            "tests/test_refusals.py",
            "tests/test_mutants_chain.py",
        ],
    ),
    "import checks": Group(
        ["transfer/members_sessions:add_sessions", "transfer/roll:add_makeups"],
        [
            "tests/test_refusals.py",
            "tests/test_transfer.py",
            "tests/test_mutants_expected.py",
            "tests/test_mutants_transfer.py",
        ],
        plumbing=[
            r"loader\.meter\.",
            r"_insert_sessions\(",
            r"^\s*\"(org_id|plan_id|created_at)\"",
        ],
    ),
    "formula guard": Group(
        ["text/cells:guarded", "_written_cell", "cell_text"],
        [
            "tests/test_csv_guard.py",
            "tests/test_refusals.py",
            "tests/test_transfer.py",
            "tests/test_mutants_transfer.py",
        ],
    ),
    "encoding detection": Group(
        ["detect_encoding", "_first_bad_byte"],
        ["tests/test_transfer.py", "tests/test_refusals.py", "tests/test_mutants_transfer.py"],
    ),
}

# Survivors judged equivalent (no test can tell them apart), by mutant name: one line each.
_NULL_ELSE = (
    "equivalent: SUM skips the NULL of a CASE without else, as it adds the 0 of else 0; "
    "a sum of no 1 at all is NULL either way and COALESCE makes it 0"
)
_UNREAD = (
    "equivalent: the entry count and head of a broken chain's Verdict are read by no caller "
    "(log --verify prints broken_at and why; undo and db check only ask .ok)"
)
EXPLAINED: dict[str, str] = {
    **{f"studylog.store.chain.x_verify__mutmut_{n}": _UNREAD for n in (16, 17, 30, 37, 75)},
    "studylog.figures.grouping.x_count_if__mutmut_7": _NULL_ELSE,
    "studylog.figures.grouping.x_count_if__mutmut_9": _NULL_ELSE,
    "studylog.figures.tallies.x__roll_figures__mutmut_3": "equivalent: COUNT(*) for "
    "COUNT(members.id): every query of these figures inner-joins members (_expected_lines), "
    "so no row has a NULL member id",
    "studylog.figures.tallies.x__roll_figures__mutmut_14": "equivalent: no command leaves a "
    "make-up on a line that is not a leave or an absence (attend unlinks it when the line "
    "turns present or late, makeup add and import refuse one; db check reports one another "
    "tool made)",
    "studylog.figures.checks.x__discussions__mutmut_59": "equivalent: strict=False in the zip "
    "of a year's quarter rows and its four quarter ends: a year by quarter has four rows always",
    "studylog.figures.checks.x__makeups__mutmut_41": "equivalent: an outer join of makeups "
    "without ON infers it from the one foreign key between them, makeups.attendance_id",
    "studylog.store.chain.x__digest__mutmut_15": "equivalent: Python's codec names ignore "
    "case, UTF-8 is utf-8",
    "studylog.transfer.roll.x_add_makeups__mutmut_180": "equivalent: the make-ups inserted in "
    "chunks of 500 (chunks' default) instead of 5,000: the same rows, in more statements",
    "studylog.transfer.encoding.x_detect_encoding__mutmut_13": "equivalent: the name found "
    "only opens the file (readers._csv_records), and Python's codec names ignore case",
    "studylog.transfer.encoding.x__first_bad_byte__mutmut_7": "equivalent: every offset one "
    "more: the encoding reading furthest is the same, and the line read up to the bad byte "
    "gains that byte, never a newline",
    "studylog.transfer.encoding.x__first_bad_byte__mutmut_11": "equivalent: the file decoded "
    "in one read instead of a mebibyte at a time: the same first bad byte (more memory)",
    "studylog.transfer.encoding.x__first_bad_byte__mutmut_29": "equivalent: a bad byte first "
    "in its chunk counted one further, as mutant 7: the same encoding, the same line",
}

# The seven survivors of issue 16's audit, applied by hand (``--named``): the mutation, in
# which file, and the test that must fail on it.
NAMED: list[tuple[str, str, str, str, str]] = [
    (
        "topic_discussions counts every topic session",
        "studylog/figures/tallies.py",
        "_count_if(and_(topic, session.discussion.is_(True))).label",
        "_count_if(topic).label",
        "tests/test_rules_by_hand.py::test_the_years_figures_equal_the_hand_count",
    ),
    (
        "the audit chain's prev_hash is not hashed",
        "studylog/store/chain.py",
        "command, changes, undoes, prev_hash]",
        "command, changes, undoes]",
        "tests/test_refusals.py::test_an_entry_edited_rehashed_and_relinked_is_caught",
    ),
    (
        "the CSV guard does not quote a text starting with '",
        "studylog/text/cells.py",
        """text.startswith((*FORMULA_STARTS, "'"))""",
        "text.startswith(FORMULA_STARTS)",
        "tests/test_refusals.py::test_a_title_starting_with_a_quote_comes_back_whole",
    ),
    (
        "the same session id twice in one import file",
        "studylog/transfer/members_sessions.py",
        "(ref in known.in_file or ref in seen)",
        "ref in known.in_file",
        "tests/test_refusals.py::test_the_same_session_id_twice_in_one_file_is_refused",
    ),
    (
        "the attendance threshold compared with > instead of >=",
        "studylog/figures/checks.py",
        "rate >= rules.attendance_rate",
        "rate > rules.attendance_rate",
        "tests/test_rules_by_hand.py::test_an_attendance_rate_exactly_at_the_threshold_passes",
    ),
    (
        "a make-up dated before its session, through the CLI",
        "studylog/records/makeups.py",
        "    if on < record.date:\n        raise",
        "    if False:\n        raise",
        "tests/test_refusals.py::test_a_makeup_before_its_session_is_refused",
    ),
    (
        "a make-up dated before its session, through import",
        "studylog/transfer/roll.py",
        "if made_up < day:",
        "if False:",
        "tests/test_refusals.py::test_a_makeup_before_its_session_is_refused_through_import",
    ),
]

COPIED = ["studylog", "tests", "migrations", "alembic.ini", "README.md"]
RERUN = "-rerun"  # the folder of a group's survivors run again after new tests
OPTIONS = ["-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist", "-q"]


def slug(group: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", group.lower()).strip("-")


def locate(qualified: str) -> tuple[Path, str]:
    """The file under studylog/ that defines ``function`` or ``Class.method``, and mutmut's
    mangled name for it (``x_function`` or ``xǁClassǁmethod``). ``where:function`` looks
    only in files whose path under studylog/ starts with ``where`` (a name defined twice)."""
    where, _, qualified = qualified.rpartition(":")
    cls, _, name = qualified.rpartition(".")
    found = []
    package = ROOT / "studylog"
    for path in sorted(package.rglob("*.py")):
        if not str(path.relative_to(package)).startswith(where):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == cls]
        bodies = [scope.body for scope in scopes] if cls else [tree.body]
        for body in bodies:
            if any(
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name
                for node in body
            ):
                found.append(path.relative_to(ROOT))
    if len(found) != 1:
        raise SystemExit(f"{qualified}: defined in {len(found)} files ({found}); fix GROUPS")
    mangled = f"xǁ{cls}ǁ{name}" if cls else f"x_{name}"
    return found[0], mangled


def module_of(path: Path) -> str:
    return ".".join(path.with_suffix("").parts).removesuffix(".__init__")


Located = list[tuple[str, Path, str]]


def rerun_group(group: Group) -> Group:
    """The group as its survivors are re-run: against the test files written for survivors
    (tests/test_mutants_*.py) when it has any, since the others already let them live."""
    added = [test for test in group.tests if Path(test).name.startswith("test_mutants_")]
    return Group(group.functions, added or group.tests, group.plumbing)


def prepare(work: Path, group: Group, located: Located) -> None:
    """A fresh copy of the project whose pyproject.toml points mutmut at the group's files
    and tests only."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name in COPIED:
        source, target = ROOT / name, work / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    files = sorted({str(path) for _, path, _ in located})
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config += (
        "\n[tool.mutmut]\n"
        'source_paths = ["studylog"]\n'
        f"only_mutate = {json.dumps(files)}\n"
        f"do_not_mutate_patterns = {json.dumps(group.plumbing)}\n"
        'also_copy = ["tests", "migrations", "alembic.ini", "README.md"]\n'
        f"pytest_add_cli_args_test_selection = {json.dumps(group.tests)}\n"
        f"pytest_add_cli_args = {json.dumps(OPTIONS)}\n"
        "timeout_multiplier = 5.0\n"
    )
    (work / "pyproject.toml").write_text(config, encoding="utf-8")


def mutant_names(work: Path, located: Located) -> list[str]:
    """Every mutant name mutmut will give the group's functions (its own mutation code, run
    on the scratch copy with the group's configuration)."""
    from mutmut import configuration
    from mutmut.mutation.file_mutation import create_mutations

    names = []
    here = Path.cwd()
    os.chdir(work)
    try:
        configuration.reset_config()
        for path in sorted({path for _, path, _ in located}):
            _, mutations, _, _ = create_mutations(str(path), path.read_text(encoding="utf-8"))
            counts: Counter[str] = Counter()
            for mutation in mutations:
                top = mutation.contained_by_top_level_function
                counts[getattr(getattr(top, "name", None), "value", "")] += 1
            for _, found, mangled in located:
                if found == path:
                    name = mangled.rpartition("ǁ")[2] if "ǁ" in mangled else mangled[2:]
                    number = counts[name]
                    names += [
                        f"{module_of(path)}.{mangled}__mutmut_{n}" for n in range(1, number + 1)
                    ]
    finally:
        os.chdir(here)
        configuration.reset_config()
    return names


def run_mutmut(work: Path, patterns: list[str], budget: float) -> bool:
    """mutmut run on these mutants with one worker; False when the budget ran out first."""
    drop = ("PYTHONPATH", "STUDYLOG_DB", "STUDYLOG_HOME", "STUDYLOG_TEST_BACKEND")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", "1", *patterns]
    log = (work / "run.log").open("a", encoding="utf-8")
    process = subprocess.Popen(
        command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        process.wait(timeout=max(budget, 1))
        return True
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # mutmut saved each verdict as it came
        process.wait()
        return False
    finally:
        log.close()


def exit_codes(work: Path, located: Located) -> dict[str, int | None]:
    """Each mutant of the group's functions, by name, and mutmut's exit code for it."""
    found: dict[str, int | None] = {}
    for _qualified, path, mangled in located:
        meta = work / "mutants" / f"{path}.meta"
        codes = (
            json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            if meta.exists()
            else {}
        )
        prefix = f"{module_of(path)}.{mangled}__mutmut_"
        found.update({key: code for key, code in codes.items() if key.startswith(prefix)})
    return found


def verdicts(work_root: Path, group: str, located: Located) -> dict[str, int | None]:
    """The group's mutants and their exit codes: the full run's, and for the survivors
    re-run since (``--rerun-survivors``, against the tests as they are now) the re-run's."""
    codes = exit_codes(work_root / slug(group), located)
    rerun = exit_codes(work_root / f"{slug(group)}{RERUN}", located)
    codes.update({name: code for name, code in rerun.items() if code is not None})
    return codes


def status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    found = status_by_exit_code[code]
    return {"no tests": "not reached", "caught by type check": "killed"}.get(found, found)


def report(
    work_root: Path, located: dict[str, Located], runs: dict[str, str], by_hand: list[str]
) -> str:
    total: Counter[str] = Counter()
    rows, survivors = [], []
    for group, functions in located.items():
        counts: Counter[str] = Counter()
        for name, code in sorted(verdicts(work_root, group, functions).items()):
            counts[status(code)] += 1
            if status(code) == "survived":
                survivors.append((group, name))
        total.update(counts)
        names = ", ".join(f"`{q.rpartition(':')[2]}`" for q, _, _ in functions)
        rows.append(
            f"| {group} | {names} | {', '.join(GROUPS[group].tests).replace('tests/', '')} | "
            f"{counts['killed']} | {counts['survived']} | {counts['timeout']} | "
            f"{counts['not reached']} | {counts['not checked']} | {runs.get(group, '')} |"
        )
    judged = total["killed"] + total["survived"] + total["timeout"]
    killed = total["killed"] + total["timeout"]  # a mutant that hangs the suite is caught
    score = 100 * killed / judged if judged else 0.0
    unexplained = sum(1 for _, name in survivors if name not in EXPLAINED)
    lines = [
        f"overall: {score:.1f}% killed ({killed} of {judged})",
        "",
        "Written by `python bench/mutation.py` (mutmut 3): the mutants of the functions below "
        "(every one, or a seeded sample where the `run` column says so), each run against its "
        "group's fast in-process tests. A timed-out mutant counts as killed; a "
        "mutant no test of its group reaches is listed but not scored. "
        f"{len(survivors)} survivors, {len(survivors) - unexplained} of them explained below as "
        f"equivalent{f', {unexplained} not explained' if unexplained else ''}.",
        "",
        "| group | functions | tests | killed | survived | timed out | not reached | "
        "not checked | run |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        f"| **total** | | | {total['killed']} | {total['survived']} | {total['timeout']} | "
        f"{total['not reached']} | {total['not checked']} | |",
        "",
        "## Survivors",
        "",
    ]
    if not survivors:
        lines.append("None.")
    for group, name in survivors:
        lines.append(f"- {group}: `{name}`: {EXPLAINED.get(name, 'not explained')}")
    lines += [
        "",
        "## Issue 16's seven survivors",
        "",
        "Applied by hand, one at a time (`python bench/mutation.py --named`), each against the "
        "test written for it:",
        "",
        *(by_hand or ["- not run yet"]),
    ]
    notes = ROOT / "bench" / "MUTATION-notes.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    lines += [
        "",
        "Show a mutant with `cd bench/.mutation/GROUP && python -m mutmut show NAME` (GROUP: "
        "the group's name in lower case, dashes for spaces).",
        "",
    ]
    return "\n".join(lines)


def named(work: Path) -> list[str]:
    """Apply each of NAMED to a scratch copy in turn and run its test: a line for each."""
    lines = []
    for what, file, old, new, test in NAMED:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".*", "__pycache__", "bench"))
        source = (work / file).read_text(encoding="utf-8")
        if source.count(old) != 1:
            raise SystemExit(f"{file}: {old!r} is not there once; fix NAMED")
        (work / file).write_text(source.replace(old, new), encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-q", *OPTIONS, test]
        env = {**os.environ, "PYTHONPATH": str(work)}
        failed = subprocess.run(command, cwd=work, env=env, capture_output=True).returncode
        verdict = "killed" if failed == 1 else "SURVIVED" if failed == 0 else f"error {failed}"
        lines.append(f"- {what}: {verdict} by `{test}`")
        print(lines[-1], flush=True)
    shutil.rmtree(work)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=3600, help="seconds (default 3600)")
    parser.add_argument("--group", action="append", choices=list(GROUPS), help="only these")
    parser.add_argument("--sample", type=int, default=0, help="mutants per group, at random")
    parser.add_argument("--rerun-survivors", action="store_true", help="after new tests")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".mutation")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "MUTATION.md")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--named", action="store_true", help="issue 16's seven, by hand")
    options = parser.parse_args()
    located = {group: [(q, *locate(q)) for q in GROUPS[group].functions] for group in GROUPS}
    runs_file = options.work / "runs.json"
    runs: dict[str, str] = json.loads(runs_file.read_text()) if runs_file.exists() else {}
    named_file = options.work / "named.json"
    if options.named:
        named_file.parent.mkdir(parents=True, exist_ok=True)
        named_file.write_text(json.dumps(named(options.work / "named")), encoding="utf-8")
        options.report_only = True
    deadline = time.monotonic() + options.budget
    for group in [] if options.report_only else options.group or list(GROUPS):
        work = options.work / slug(group)
        patterns = [f"{module_of(p)}.{m}__mutmut_*" for _, p, m in located[group]]
        if options.rerun_survivors:
            codes = verdicts(options.work, group, located[group])
            patterns = [
                name
                for name, code in codes.items()
                if status(code) == "survived" and name not in EXPLAINED
            ]
            if not patterns:
                continue
            work = options.work / f"{slug(group)}{RERUN}"
        prepare(work, rerun_group(GROUPS[group]) if options.rerun_survivors else GROUPS[group],
                located[group])  # fmt: skip
        sampled = ""
        if options.sample and not options.rerun_survivors:
            every = mutant_names(work, located[group])
            if len(every) > options.sample:
                patterns = sorted(random.Random(group).sample(every, options.sample))
                sampled = f"a sample of {options.sample} of {len(every)}, "
        started = time.monotonic()
        finished = run_mutmut(work, patterns, deadline - started)
        minutes = (time.monotonic() - started) / 60
        what = f"{len(patterns)} survivors re-run" if options.rerun_survivors else "run"
        note = f"{what} {time.strftime('%Y-%m-%d')}, {sampled}{minutes:.1f} min"
        runs[group] = (
            f"{runs[group]}; {note}" if options.rerun_survivors and group in runs else note
        ) + ("" if finished else " (budget ran out)")
        runs_file.write_text(json.dumps(runs, ensure_ascii=False, indent=1))
        print(f"{group}: {note}", flush=True)
    by_hand = json.loads(named_file.read_text()) if named_file.exists() else []
    text = report(options.work, located, runs, by_hand)
    options.out.write_text(text, encoding="utf-8")
    print(text.splitlines()[0])


if __name__ == "__main__":
    main()
