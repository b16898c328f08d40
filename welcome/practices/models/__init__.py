"""Models of the good-practice library. Submodules depend one way: ``taxonomy`` ← ``adoption`` ←
``pages`` ← ``challenge``; ``index`` stands alone."""

from .adoption import Adoption
from .challenge import (
    Challenge,
    ChallengePage,
    ChallengePractice,
    ChallengeStatus,
    Severity,
    Source,
)
from .index import PracticeIndexPage
from .pages import (
    PracticeAttachment,
    PracticePage,
    PracticeQuerySet,
    RelatedPractice,
    Status,
    Visibility,
)
from .taxonomy import Channel, Department, FocusArea, Goal, TargetGroup, Taxonomy, UsedLanguage

__all__ = [
    "Adoption",
    "Challenge",
    "ChallengePage",
    "ChallengePractice",
    "ChallengeStatus",
    "Channel",
    "Department",
    "FocusArea",
    "Goal",
    "PracticeAttachment",
    "PracticeIndexPage",
    "PracticePage",
    "PracticeQuerySet",
    "RelatedPractice",
    "Severity",
    "Source",
    "Status",
    "TargetGroup",
    "Taxonomy",
    "UsedLanguage",
    "Visibility",
]
