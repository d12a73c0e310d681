"""Reading what the secretary types, without the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from studylog.errors import StudylogError
from studylog.text.messages import describe, set_language
from studylog.text.names import close_names
from studylog.text.parse import parse_date, parse_enum, split_leaves, split_names, split_tags
from studylog.text.vocab import Format, Kind, Role, SpeechKind, Status


@pytest.mark.parametrize(
    "text",
    [
        "2023-03-01",
        "2023/3/1",
        "2023.03.01",
        "2023年3月1日",
        "20230301",
        " 2023-3-1 ",
        "２０２３－０３－０１",
    ],
)
def test_dates_in_the_forms_offices_write(text: str) -> None:
    assert parse_date(text) == date(2023, 3, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "2023-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2023-13-01", "there is no month 13"),
        ("yesterday", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_impossible_dates_are_explained(text: str, message: str) -> None:
    set_language("en")
    with pytest.raises(StudylogError) as caught:
        parse_date(text)
    assert message in describe(caught.value)


def test_chinese_explanation_of_an_impossible_date() -> None:
    set_language("zh")
    try:
        with pytest.raises(StudylogError) as caught:
            parse_date("2023-02-30")
        assert describe(caught.value) == "2023-02-30 不是有效日期：2023年2月只有 28 天"
    finally:
        set_language("en")


def test_name_lists_split_on_half_and_full_width_commas() -> None:
    assert split_names(["张三,李四", "王五，赵六、钱七", " 孙八 "]) == [
        "张三",
        "李四",
        "王五",
        "赵六",
        "钱七",
        "孙八",
    ]


def test_leave_reasons_follow_the_first_colon() -> None:
    assert split_leaves(["张三:出差", "李四，王五：外出开会，下午返回", "赵六"]) == [
        ("张三", "出差"),
        ("李四", "外出开会，下午返回"),
        ("王五", "外出开会，下午返回"),
        ("赵六", None),
    ]


def test_tags_are_deduplicated() -> None:
    assert split_tags(["二十大, 主题教育", "二十大"]) == ["二十大", "主题教育"]


@pytest.mark.parametrize(
    ("enum", "text", "value"),
    [
        (Kind, "专题学习", Kind.TOPIC),
        (Kind, "topic", Kind.TOPIC),
        (Kind, "集中学习", Kind.STUDY),
        (Role, "组长", Role.LEADER),
        (Role, "列席", Role.OBSERVER),
        (Role, "学习秘书", Role.SECRETARY),
        (Format, "线上", Format.ONLINE),
        (Format, "IN-PERSON", Format.IN_PERSON),
        (Status, "请假", Status.LEAVE),
        (SpeechKind, "书面发言", SpeechKind.WRITTEN),
    ],
)
def test_enums_take_english_values_and_chinese_labels(enum, text, value) -> None:  # type: ignore[no-untyped-def]
    assert parse_enum(enum, text, what="--x") is value


def test_an_unknown_enum_value_lists_the_choices() -> None:
    set_language("en")
    with pytest.raises(StudylogError) as caught:
        parse_enum(Kind, "讲座", what="--kind")
    assert describe(caught.value) == (
        "'讲座' is not a valid --kind; choose study (集中学习) | topic (专题学习)"
    )


def test_close_names_prefer_near_spellings_and_shared_surnames() -> None:
    known = ["张三", "张三丰", "李四", "王五"]
    assert close_names("张山", known)[0] == "张三"
    assert "李四" not in close_names("张山", known)
    assert close_names("Zhang", ["Zhang San", "Li Si"]) == ["Zhang San"]
