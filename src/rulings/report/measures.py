"""What the report measures per case: the sentence imposed and demanded, and the victim's age group.

Definitions (the report's index repeats them):
- Imposed sentence: the sanctions with actor ``imposed`` of the case's last instance that imposed
  any principal punishment (art. 9 Sr; patterns/sanction_kinds.toml, ``principal``). An appeal that
  only "bevestigt het vonnis waarvan beroep" imposes nothing of its own, so the first instance's
  sentence stands. A later instance that acquits and imposes nothing ends the case without a
  sentence: the client is not convicted. Conclusions of the advocaat-generaal (doc_type
  ``conclusie``) never count: they quote sentences, they impose none.
- Demanded sentence: the sanctions with actor ``demanded`` of the sentencing instance, else of the
  nearest earlier instance with a demand (an advocaat-generaal who asks for confirmation demands
  nothing new).
- Prison: gevangenisstraf and jeugddetentie (its juvenile form, art. 77i Sr); hechtenis, a
  punishment for minor offences, does not count. The custodial sanctions of a ruling add up:
  courts often impose the unconditional and the suspended part as two terms ("1 dag" and "3
  maanden, voorwaardelijk"); the extraction already keeps each distinct sanction once.
  Unconditional days = days - suspended_days.
- Community service (taakstraf, with werkstraf and leerstraf): unconditional hours = hours -
  suspended_hours, added up over the ruling's orders like prison.
- Victim age group, from every ruling of the case: the youngest stated age (or age from a birth
  date) of a victim under 18; else the statutory brackets ("<16" for a bracket that ends at 16,
  "16/17" for one from 16 to 18; ages are checked from the youngest); else an adult age stated for
  the victim ("18+", often the age the victim claimed); else "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rulings.models import Actor, AgeMention, Findings, Subject
from rulings.patterns import load_table
from rulings.report.population import Case, StudyRuling

CUSTODIAL = ("gevangenisstraf", "jeugddetentie")
COMMUNITY_SERVICE = "taakstraf"
AGE_GROUPS = ("<16", "16/17", "18+", "unknown")


@cache
def principal_kinds() -> frozenset[str]:
    """The principal punishments of art. 9 Sr, as patterns/sanction_kinds.toml marks them."""
    kinds = load_table("sanction_kinds").get("kinds", {})
    return frozenset(name for name, entry in kinds.items() if entry.get("principal"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """The principal punishments one ruling imposed or one prosecutor demanded."""

    ecli: str
    kinds: tuple[str, ...]  # every principal kind named, sorted
    prison_kind: str | None = None
    prison_days: int = 0
    suspended_days: int = 0
    taakstraf_hours: int = 0
    suspended_hours: int = 0
    fine_euros: float | None = None

    @property
    def unconditional_days(self) -> int:
        return max(self.prison_days - self.suspended_days, 0)

    @property
    def unconditional_hours(self) -> int:
        return max(self.taakstraf_hours - self.suspended_hours, 0)

    @property
    def one_day_plus_taakstraf(self) -> bool:
        """The Valkenburg sentence: 1 day unconditional prison with community service (art. 22b)."""
        return self.unconditional_days == 1 and self.unconditional_hours > 0


def sentence_of(ecli: str, findings: Findings, actor: Actor) -> Sentence | None:
    """One actor's principal punishments in a ruling; None when it names none."""
    own = [s for s in findings.sanctions if s.actor == actor and s.kind in principal_kinds()]
    if not own:
        return None
    prison = [s for s in own if s.kind in CUSTODIAL and s.days is not None]
    service = [s for s in own if s.kind == COMMUNITY_SERVICE and s.hours is not None]
    fines = [s.euros for s in own if s.kind == "geldboete" and s.euros is not None]
    return Sentence(
        ecli=ecli,
        kinds=tuple(sorted({s.kind for s in own})),
        prison_kind=max(prison, key=lambda s: s.days or 0).kind if prison else None,
        prison_days=sum(s.days or 0 for s in prison),
        suspended_days=sum(s.suspended_days for s in prison),
        taakstraf_hours=sum(s.hours or 0 for s in service),
        suspended_hours=sum(s.suspended_hours for s in service),
        fine_euros=max(fines) if fines else None,
    )


def _judgments(case: Case) -> list[StudyRuling]:
    return [r for r in case.rulings if r.doc_type != "conclusie"]


def imposed_sentence(case: Case) -> tuple[Sentence | None, str]:
    """The sentence that stands for the case, and the outcome: sentenced, acquitted or unknown."""
    for ruling in reversed(_judgments(case)):
        sentence = sentence_of(ruling.ecli, ruling.findings, Actor.IMPOSED)
        if sentence is not None:
            return sentence, "sentenced"
        if ruling.findings.acquittal:
            return None, "acquitted"
    return None, "unknown"


def demanded_sentence(case: Case, sentencing_ecli: str | None) -> Sentence | None:
    """The demand at the sentencing instance, else the nearest earlier instance's demand."""
    judgments = _judgments(case)
    eclis = [r.ecli for r in judgments]
    last = eclis.index(sentencing_ecli) if sentencing_ecli in eclis else len(judgments) - 1
    for ruling in reversed(judgments[: last + 1]):
        sentence = sentence_of(ruling.ecli, ruling.findings, Actor.DEMANDED)
        if sentence is not None:
            return sentence
    return None


@dataclass(frozen=True, slots=True)
class VictimAge:
    """A case's victim age group, the youngest age behind it, and the ruling that states it."""

    group: str  # one of AGE_GROUPS
    age: int | None = None
    ecli: str | None = None


def _group(age: int) -> str:
    return "<16" if age < 16 else "16/17" if age < 18 else "18+"


def _bracket_group(mention: AgeMention) -> str | None:
    if mention.upper is not None and mention.upper <= 16:
        return "<16"
    if mention.value >= 16 and mention.upper is not None and mention.upper <= 18:
        return "16/17"
    return None  # "nog niet achttien" alone does not say on which side of 16


def victim_age(case: Case) -> VictimAge:
    """The victim age group of a case (see the module docstring for the order of evidence)."""
    stated: list[tuple[int, str]] = []
    brackets: list[tuple[str, str]] = []
    for ruling in case.rulings:
        for mention in ruling.findings.ages:
            if mention.kind == "bracket":
                group = _bracket_group(mention)
                if group:
                    brackets.append((group, ruling.ecli))
            elif mention.subject == Subject.VICTIM:
                stated.append((mention.value, ruling.ecli))
    minors = [pair for pair in stated if pair[0] < 18]
    if minors:
        age, ecli = min(minors)
        return VictimAge(_group(age), age, ecli)
    if brackets:
        group, ecli = min(brackets, key=lambda pair: AGE_GROUPS.index(pair[0]))
        return VictimAge(group, None, ecli)
    if stated:
        age, ecli = min(stated)
        return VictimAge("18+", age, ecli)
    return VictimAge("unknown")
