"""The words of what members do beyond the sessions: their outputs (学习成果), the level of
the medium an article appeared in, and the other meetings that take a first agenda item.

Kept apart from :mod:`studylog.text.vocab`, which joins these labels into its own, so that
``parse_enum``, ``label`` and ``choices`` read them as every other enum.
"""

from __future__ import annotations

from enum import StrEnum


class OutputKind(StrEnum):
    PARTY_LECTURE = "party-lecture"  # 讲党课
    BRIEFING_TOUR = "briefing-tour"  # 宣讲
    ARTICLE = "article"  # 理论文章
    REFLECTION = "reflection"  # 心得体会
    RESEARCH_REPORT = "research-report"  # 调研报告
    DISCUSSION_PAPER = "discussion-paper"  # 研讨材料


class Level(StrEnum):
    """Where an article appeared (or a lecture was given): 中央 / 省 / 市 / 县."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    CITY = "city"
    COUNTY = "county"


#: 市级以上: the levels a report counts as 「在市级以上媒体发表」.
CITY_OR_ABOVE = (Level.CENTRAL, Level.PROVINCIAL, Level.CITY)


class Meeting(StrEnum):
    """Meetings that are not study sessions but take a first agenda item (第一议题)."""

    PARTY_GROUP = "party-group"  # 党组会
    PARTY_COMMITTEE = "party-committee"  # 党委会
    STANDING_COMMITTEE = "standing-committee"  # 常委会


# value -> (English label, Chinese label, further Chinese spellings accepted on input)
ACTIVITY_LABELS: dict[StrEnum, tuple[str, str, tuple[str, ...]]] = {
    OutputKind.PARTY_LECTURE: ("party lecture", "讲党课", ("党课", "专题党课")),
    OutputKind.BRIEFING_TOUR: ("briefing tour", "宣讲", ("理论宣讲", "宣讲报告")),
    OutputKind.ARTICLE: ("theory article", "理论文章", ("文章", "署名文章")),
    OutputKind.REFLECTION: ("reflection", "心得体会", ("心得", "体会", "学习体会")),
    OutputKind.RESEARCH_REPORT: ("research report", "调研报告", ("调研",)),
    OutputKind.DISCUSSION_PAPER: ("discussion paper", "研讨材料", ("研讨发言材料", "交流材料")),
    Level.CENTRAL: ("central", "中央", ("中央级", "国家级", "全国")),
    Level.PROVINCIAL: ("provincial", "省", ("省级", "省部级")),
    Level.CITY: ("city", "市", ("市级", "地市级")),
    Level.COUNTY: ("county", "县", ("县级", "区级", "县区级")),
    Meeting.PARTY_GROUP: ("party group meeting", "党组会", ("党组会议",)),
    Meeting.PARTY_COMMITTEE: ("party committee meeting", "党委会", ("党委会议",)),
    Meeting.STANDING_COMMITTEE: ("standing committee meeting", "常委会", ("常委会议",)),
}
