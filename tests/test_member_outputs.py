"""Members' outputs (学习成果, ``studylog output``): recorded, listed, corrected, deleted and
restored; counted per kind, per year and per member in ``stats``; said in the report; kept in
export, import, the archive and the audit log. Figures are counted by hand from OUTPUTS."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import Backend, Database, recording

Run = Callable[..., Result]
Ok = Callable[..., str]

ORG = "测试局党组理论学习中心组"
AS_OF = ("--as-of", "2024-01-10")

GROUP: list[tuple[str, ...]] = [
    ("init", "--org", ORG),
    ("member", "add", "张三", "--title", "党组书记、局长", "--role", "leader"),
    ("member", "add", "李四", "--title", "党组成员、副局长"),
    ("member", "add", "王五", "--title", "党组成员、副局长", "--joined", "2023-07-01"),
    ("member", "add", "吴十", "--title", "机关党委专职副书记", "--role", "列席"),
    ("session", "add", "--date", "2023-03-14", "--title", "专题研讨", "--discussion"),
]

OUTPUTS: list[tuple[str, ...]] = [
    ("output", "add", "张三", "--kind", "讲党课", "--date", "2023-03-20", "--title", "春季党课"),
    ("output", "add", "张三", "-k", "party-lecture", "--date", "2023-06-28", "--title", "七一党课"),
    ("output", "add", "李四", "--kind", "宣讲", "--date", "2023-05-01", "--title", "精神宣讲"),
    ("output", "add", "张三", "--kind", "理论文章", "--date", "2023-05-10", "--title", "以学促干",
     "--venue", "某市日报", "--level", "市"),
    ("output", "add", "李四", "--kind", "article", "--date", "2023-06-10", "--title", "实干担当",
     "--venue", "某省日报", "--level", "provincial"),
    ("output", "add", "李四", "--kind", "文章", "--date", "2023-08-01", "--title", "基层见闻",
     "--venue", "某县报", "--level", "县级"),
    ("output", "add", "王五", "--kind", "理论文章", "--date", "2023-09-01", "--title", "统计之道"),
    ("output", "add", "张三", "--kind", "心得体会", "--date", "2023-04-01", "--title", "学习体会"),
    ("output", "add", "吴十", "--kind", "调研报告", "--date", "2023-10-10", "--title", "基层调研"),
    ("output", "add", "李四", "--kind", "研讨材料", "--date", "2023-03-14", "--title", "发言材料",
     "--session", "2023-03-14"),
    # The year before: never in 2023's figures.
    ("output", "add", "张三", "--kind", "讲党课", "--date", "2022-12-01", "--title", "冬季党课"),
]  # fmt: skip

# Counted by hand from OUTPUTS, 2023 only.
KINDS_2023 = {
    "party-lecture": 2,
    "briefing-tour": 1,
    "article": 4,
    "reflection": 1,
    "research-report": 1,
    "discussion-paper": 1,
}
CITY_OR_ABOVE_2023 = 2  # 以学促干 (市), 实干担当 (省); 基层见闻 (县) and 统计之道 (no level) not
BY_MEMBER_2023 = {
    "张三": {"party-lecture": 2, "article": 1, "reflection": 1},
    "李四": {"briefing-tour": 1, "article": 2, "discussion-paper": 1},
    "王五": {"article": 1},
    "吴十": {"research-report": 1},  # an observer: a row of their own, apart from the roll
}


@pytest.fixture
def group(backend: Backend, database: Database) -> Database:
    database.load(backend.built_once("outputs-group", recording(GROUP)))
    return database


@pytest.fixture
def entered(backend: Backend, database: Database) -> Database:
    start = backend.built_once("outputs-group", recording(GROUP))
    database.load(backend.built_once("outputs-entered", recording(OUTPUTS), start=start))
    return database


@pytest.fixture
def fails(run: Run, database: Database) -> Callable[..., str]:
    """Run studylog, insist on one ``Error:`` line, the exit status ``code`` (1 a refusal by the
    records, 2 a value that cannot be read) and the database exactly as it was."""

    def invoke(*args: str, code: int = 1) -> str:
        before = database.snapshot()
        result = run(*args)
        assert result.exit_code == code, (args, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert "unexpected" not in lines[0]
        assert database.snapshot() == before, f"{args} changed the database"
        return lines[0]

    return invoke


def _stats(ok: Ok, *extra: str) -> dict:
    return json.loads(ok("stats", "--year", "2023", "--format", "json", *extra))


def test_stats_count_each_kind_and_the_articles_at_city_level_or_above(entered: Database, ok: Ok):
    figures = _stats(ok)
    assert figures["outputs"] == KINDS_2023
    assert figures["outputs_city_level_or_above"] == CITY_OR_ABOVE_2023
    # Outputs are not sessions: the group's own counts are untouched.
    assert figures["sessions"] == 1 and figures["first_agenda_items"] == 0
    assert _stats(ok, "--by", "member") | {"rows": None} == figures | {"rows": None}
    previous = json.loads(ok("stats", "--year", "2022", "--format", "json"))
    assert previous["outputs"]["party-lecture"] == 1 and previous["outputs"]["article"] == 0


def test_stats_by_member_rows_add_each_members_outputs(entered: Database, ok: Ok) -> None:
    rows = {row["member"]: row for row in _stats(ok, "--by", "member")["rows"]}
    assert list(rows) == ["张三", "李四", "王五", "吴十"]
    for name, kinds in BY_MEMBER_2023.items():
        expected = {kind: kinds.get(kind, 0) for kind in KINDS_2023}
        assert rows[name]["outputs"] == expected, name
    assert rows["吴十"]["expected"] == 0  # an observer is never expected


def test_stats_in_chinese_name_each_kind_with_its_count(entered: Database, ok: Ok) -> None:
    shown = ok("--lang", "zh", "stats", "--year", "2023")
    lines = {
        " ".join(line.split()[:-1]): line.split()[-1] for line in shown.splitlines() if line.strip()
    }
    assert lines["讲党课（场次）"] == "2"
    assert lines["宣讲（场次）"] == "1"
    assert lines["理论文章（篇）"] == "4"
    assert lines["市级以上媒体发表理论文章（篇）"] == "2"
    assert lines["心得体会（篇）"] == "1" and lines["调研报告（篇）"] == "1"
    table = ok("--lang", "zh", "stats", "--year", "2023", "--by", "member", "--format", "csv")
    header, *rows = table.splitlines()
    assert header.endswith(",学习成果,个人自学学时")
    assert [row.split(",")[0] for row in rows] == ["张三", "李四", "王五", "吴十", "合计"]
    assert [row.split(",")[-2] for row in rows] == ["4", "4", "1", "1", "10"]


def test_the_report_says_what_members_produced(entered: Database, ok: Ok) -> None:
    report = ok("--lang", "zh", "report", "--year", "2023", *AS_OF, "--format", "markdown")
    assert (
        "中心组成员带头深入基层讲党课2场次，开展宣讲1场次，发表理论文章4篇，其中在市级以上媒体"
        "发表2篇，撰写心得体会和调研报告2篇，形成研讨材料1篇。"
    ) in report
    english = ok("report", "--year", "2023", *AS_OF, "--format", "markdown")
    assert (
        "Members gave 2 party lectures, gave 1 briefing tour, published 4 theory articles"
        in english
    )


def test_the_report_leaves_out_the_clauses_of_what_is_zero(group: Database, ok: Ok) -> None:
    for title, level in (("一", "中央"), ("二", "省")):
        ok("output", "add", "张三", "--kind", "理论文章", "--date", "2023-05-10", "--title", title,
           "--level", level)  # fmt: skip
    report = ok("--lang", "zh", "report", "--year", "2023", *AS_OF, "--format", "markdown")
    assert "中心组成员在市级以上媒体发表理论文章2篇。" in report
    assert "讲党课" not in report and "心得体会" not in report and "宣讲" not in report


def test_list_shows_each_output_with_its_id(entered: Database, ok: Ok) -> None:
    rows = json.loads(
        ok("output", "list", "--year", "2023", "--member", "李四", "--format", "json")
    )
    assert [(row["date"], row["kind"], row["level"]) for row in rows] == [
        ("2023-03-14", "discussion-paper", None),
        ("2023-05-01", "briefing-tour", None),
        ("2023-06-10", "article", "provincial"),
        ("2023-08-01", "article", "county"),
    ]
    assert rows[0]["session_id"] == 1 and rows[2]["venue"] == "某省日报"
    articles = ok("--lang", "zh", "output", "list", "--kind", "理论文章", "--format", "csv")
    assert articles.splitlines()[0] == "编号,日期,姓名,成果类型,题目,发表或宣讲载体,级别,关联学习"
    assert len(articles.splitlines()) == 5
    assert "4,2023-05-10,张三,理论文章,以学促干,某市日报,市," in articles


def test_edit_changes_only_what_is_given(entered: Database, ok: Ok) -> None:
    assert ok("output", "edit", "6", "--level", "市", "--venue", "某市日报") == (
        "Changed output #6 (李四, theory article)\n"
    )
    assert _stats(ok)["outputs_city_level_or_above"] == 3
    ok("output", "edit", "6", "--level", "")
    (row,) = [row for row in json.loads(ok("output", "list", "--format", "json")) if row["id"] == 6]
    assert row == {
        "id": 6, "date": "2023-08-01", "member": "李四", "kind": "article", "title": "基层见闻",
        "venue": "某市日报", "level": None, "session_id": None,
    }  # fmt: skip


def test_delete_keeps_the_output_out_of_everything_until_restored(
    entered: Database, ok: Ok
) -> None:
    out = ok("output", "delete", "4", "--reason", "重复录入")
    assert out.startswith("Deleted output #4 (kept; `studylog output restore 4` brings it back)")
    assert _stats(ok)["outputs"]["article"] == 3
    assert _stats(ok)["outputs_city_level_or_above"] == 1
    assert 4 not in [row["id"] for row in json.loads(ok("output", "list", "--format", "json"))]
    ok("output", "restore", "4")
    assert _stats(ok)["outputs"] == KINDS_2023


def test_undo_reverts_an_add_and_a_delete(entered: Database, ok: Ok) -> None:
    ok("output", "add", "李四", "--kind", "心得体会", "--date", "2023-11-01", "--title", "新体会")
    assert _stats(ok)["outputs"]["reflection"] == 2
    ok("undo", "--yes")
    assert _stats(ok)["outputs"] == KINDS_2023
    ok("output", "delete", "1")
    assert _stats(ok)["outputs"]["party-lecture"] == 1
    ok("undo", "--yes")
    assert _stats(ok)["outputs"] == KINDS_2023
    log = ok("log")
    assert "added output 张三 (2023-03-20 party lecture 春季党课)" in log
    assert "Records match the log" in ok("log", "--verify")


A_DAY = ("--date", "2023-05-01")


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        # a kind, a level, a date that cannot be read: 2
        (("张三", "--kind", "讲座", *A_DAY, "--title", "x"), 2, "'讲座' is not a valid --kind"),
        (("张三", "-k", "article", "--level", "乡", *A_DAY, "--title", "x"), 2,
         "'乡' is not a valid --level"),
        (("张三", "-k", "article", "--date", "2023-02-30", "--title", "x"), 2, "2023-02-30"),
        # what the records refuse: 1
        (("赵六", "-k", "article", *A_DAY, "--title", "x"), 1, "no member named '赵六'"),
        (("王五", "-k", "article", *A_DAY, "--title", "x"), 1,
         "王五 was not in the group on 2023-"),
        (("张三", "-k", "article", "--date", "2999-01-01", "--title", "x"), 1,
         "2999-01-01 is in the future"),
        (("张三", "-k", "article", *A_DAY, "--title", " "), 1, "--title"),
        (("张三", "-k", "article", *A_DAY, "--title", "x\u202e"), 1, "--title"),
        (("张三", "-k", "article", *A_DAY, "--title", "x", "--session", "99"), 1,
         "no session 99"),
        (("张三", "-k", "讲党课", "--date", "2023-03-20", "--title", "春季党课"), 1,
         "already recorded (#1)"),
    ],
)  # fmt: skip
def test_bad_input_is_one_error_and_changes_nothing(
    entered: Database, fails: Callable[..., str], args: tuple[str, ...], code: int, says: str
) -> None:
    assert says in fails("output", "add", *args, code=code)


def test_bad_edits_and_unknown_ids_change_nothing(entered: Database, fails: Callable[..., str]):
    assert "no output #99" in fails("output", "edit", "99", "--title", "x")
    assert "no output #99" in fails("output", "delete", "99")
    assert "no deleted output #1" in fails("output", "restore", "1")
    assert "王五 was not in the group on 2023-03-20" in fails(
        "output", "edit", "1", "--member", "王五"
    )
    assert "'x' is not a valid --level" in fails("output", "edit", "1", "--level", "x", code=2)


def test_export_and_import_carry_every_output(
    entered: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database], run: Run
) -> None:
    before = _stats(ok, "--by", "member")
    for suffix in ("json", "xlsx"):
        path = tmp_path / f"2023.{suffix}"
        ok("export", "--year", "2023", "--out", str(path))
        other = new_database(f"other-{suffix}")
        result = run("--db", other.url, "import", str(path))
        assert result.exit_code == 0, result.output
        assert "10 outputs" in result.stdout
        after = json.loads(ok("--db", other.url, "stats", "--year", "2023", "--format", "json",
                              "--by", "member"))  # fmt: skip
        for key in ("outputs", "outputs_city_level_or_above", "rows"):
            assert after[key] == before[key], (suffix, key)
        listed = json.loads(ok("--db", other.url, "output", "list", "--format", "json"))
        assert [row["session_id"] for row in listed if row["kind"] == "discussion-paper"] == [1]
    document = json.loads((tmp_path / "2023.json").read_text(encoding="utf-8"))
    assert document["member_outputs"][0] == {
        "date": "2023-03-14", "member": "李四", "kind": "discussion-paper", "title": "发言材料",
        "venue": None, "level": None, "session": 1,
    }  # fmt: skip


def test_an_export_without_outputs_still_imports(
    group: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    path = tmp_path / "old.json"
    old = {"org": ORG, "year": 2023, "members": [{"name": "张三"}], "sessions": []}
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    other = new_database("old")
    out = ok("--db", other.url, "import", str(path))
    assert "1 member," in out and not re.search(r"\d+ outputs?\b", out)


def test_a_bad_row_in_a_file_imports_nothing(
    entered: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database], run: Run
) -> None:
    path = tmp_path / "2023.json"
    ok("export", "--year", "2023", "--out", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["member_outputs"][2]["level"] = "乡"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = new_database("bad")
    ok("--db", other.url, "init", "--org", ORG)
    before = other.snapshot()
    result = run("--db", other.url, "import", str(path))
    assert result.exit_code == 1 and "member_outputs" in result.stderr and "乡" in result.stderr
    assert other.snapshot() == before


def test_undo_of_an_import_takes_its_outputs_out(
    entered: Database, ok: Ok, tmp_path: Path, new_database: Callable[[str], Database]
) -> None:
    path = tmp_path / "2023.json"
    ok("export", "--year", "2023", "--out", str(path))
    other = new_database("undo")
    ok("--db", other.url, "init", "--org", ORG)
    ok("--db", other.url, "import", str(path))
    ok("--db", other.url, "undo", "--yes")
    assert ok("--db", other.url, "output", "list") == "Nothing recorded.\n"
    assert "Records match the log" in ok("--db", other.url, "log", "--verify")


@pytest.mark.sqlite_only(reason="the archive is read back from a zip file on disk")
def test_the_archive_holds_the_register_of_outputs(entered: Database, ok: Ok, tmp_path: Path):
    path = tmp_path / "archive.zip"
    ok("--lang", "zh", "archive", "--year", "2023", *AS_OF, "--out", str(path))
    with zipfile.ZipFile(path) as bundle:
        names = bundle.namelist()
        (register,) = [name for name in names if "学习成果与个人自学" in name]
        from docx import Document

        with bundle.open(register) as stream:
            document = Document(stream)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"以学促干", "某市日报", "市", "研讨材料", "基层调研"} <= cells
    assert "冬季党课" not in cells  # 2022


def test_another_groups_outputs_are_behind_its_wall(entered: Database, ok: Ok, run: Run) -> None:
    ok("init", "--org", "另一局党组理论学习中心组")
    other = ("--org", "另一局党组理论学习中心组")
    ok(*other, "member", "add", "张三")
    assert ok(*other, "output", "list") == "Nothing recorded.\n"
    before = entered.snapshot()
    for args in (("output", "delete", "1"), ("output", "edit", "1", "--title", "x")):
        result = run(*other, *args)
        assert result.exit_code == 1 and result.stderr.startswith("Error: no output #1 ")
    assert entered.snapshot() == before
    ok(
        *other,
        "output",
        "add",
        "张三",
        "--kind",
        "心得体会",
        "--date",
        "2023-06-01",
        "--title",
        "a",
    )
    assert (
        json.loads(ok(*other, "stats", "--year", "2023", "--format", "json"))["outputs"][
            "reflection"
        ]
        == 1
    )
    assert _stats(ok, "--org", ORG)["outputs"] == KINDS_2023
