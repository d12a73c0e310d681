"""Readable at any width: at 80 and 40 columns no id, date, number, percentage or name is split,
a table too wide for the screen becomes labelled blocks, and COLUMNS is honoured when piped."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from studylog.cli.display import fit, is_token, measure
from tests.conftest import Database, Run
from tests.seed import MEMBERS

Ok = Callable[..., str]
LISTINGS = [
    ("member", "list", "--all"),
    ("session", "list", "--year", "2023"),
    ("makeup", "list", "--year", "2023"),
    ("speech", "list", "--year", "2023"),
    ("stats", "--year", "2023", "--by", "member"),
    ("stats", "--year", "2023", "--by", "month"),
]
#: A date, a month or a percentage cut short at the end of a line: 2023-0, 2023-03-1, 91.
CUT = re.compile(r"(\d{4}-\d?|\d{4}-\d{2}-\d?|\d+\.)$")


def words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 40])
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_no_token_is_split(
    seeded: Database,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    width: int,
    lang: str,
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    wide = run("--lang", lang, *args)
    assert wide.exit_code == 0, wide.output
    monkeypatch.setenv("COLUMNS", str(width))
    narrow = run("--lang", lang, *args)
    assert narrow.exit_code == 0, narrow.output
    # Headings aside: a block leaves out the fields a row has empty, heading and all.
    lines = wide.stdout.splitlines()
    headings = words(" ".join(lines[i - 1] for i, line in enumerate(lines) if "───" in line))
    tokens = {word for word in words(wide.stdout) - headings if is_token(word)}
    assert tokens, "the wide listing has ids, dates and names"
    missing = tokens - words(narrow.stdout)
    assert not missing, f"split at {width} columns: {sorted(missing)}\n{narrow.stdout}"
    for line in narrow.stdout.splitlines():
        assert not CUT.search(line.rstrip()), line
    for name, *_ in MEMBERS:  # a name is never folded: 张/三
        assert not any(line.rstrip().endswith(name[:1]) for line in narrow.stdout.splitlines())


@pytest.mark.parametrize("width", [80, 40])
@pytest.mark.parametrize("args", LISTINGS[:4], ids=" ".join)
def test_every_line_fits(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.exit_code == 0
    too_wide = [line for line in result.stdout.splitlines() if cell_len(line.rstrip()) > width]
    assert too_wide == []


def test_a_table_that_fits_stays_a_table(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = run("member", "list", "--all").stdout.splitlines()
    heading = next(line for line in lines if "Name" in line)
    assert heading.split()[:3] == ["Name", "Post", "Role"]
    row = next(line for line in lines if "孙八" in line)
    assert row.split() == ["孙八", "党组成员、副局长", "member", "2023-07-01"]


def test_at_40_columns_rows_become_labelled_blocks(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("member", "list", "--all").stdout
    blocks = [block.splitlines() for block in out.strip("\n").split("\n\n")]
    assert len(blocks) == len(MEMBERS)
    sun = next(block for block in blocks if "孙八" in block[0])
    assert [line.split() for line in sun] == [
        ["Name", "孙八"],
        ["Post", "党组成员、副局长"],
        ["Role", "member"],
        ["Joined", "2023-07-01"],
    ]
    qian = next(block for block in blocks if "钱七" in block[0])
    assert qian[-1].split() == ["Left", "2023-06-30"]


def test_blocks_keep_every_figure_of_the_notice(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("stats", "--year", "2023", "--by", "member").stdout
    (block,) = [block for block in out.split("\n\n") if re.search(r"^Name +孙八 *$", block, re.M)]
    shown = [" ".join(line.split()) for line in block.splitlines()]
    # joined in July: expected at six sessions, absent in August, made it up
    for line in ["Expected 6", "Present 5", "Absent 1", "Make-ups 1", "Attendance rate 83.3%"]:
        assert line in shown, block


def test_columns_is_honoured_when_piped(
    seeded: Database, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    lines = run("session", "list", "--year", "2023").stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 60
    monkeypatch.delenv("COLUMNS")  # piped without COLUMNS: whole rows, as before
    lines = run("session", "list", "--year", "2023").stdout.splitlines()
    row = next(line for line in lines if "2023-03-15" in line)
    assert "2023-03-15" in row and "专题学习第3次" in row and "张三" in row


def test_layout_rules() -> None:
    assert all(is_token(word) for word in ["12", "#12", "2023-03-15", "91.7%", "张建国", "leader"])
    assert not is_token("专题学习：全面从严治党的要求")  # long Chinese text may fold
    assert not is_token("study session")
    columns = measure(["Date", "Title"], [["2023-03-15", "专题学习：全面从严治党"]])
    assert [column.token for column in columns] == [True, False]
    assert fit(columns, 40) == [10, 22]  # room for both whole
    assert fit(columns, 30) == [10, 13]  # the title folds, the date does not
    assert fit(columns, 27) == [10, 10]  # a line of text is never narrower than 10
    assert fit(columns, 26) is None  # blocks
