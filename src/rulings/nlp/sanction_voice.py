"""Whose sentence a sanction is: the voice of the clause it stands in (part of rulings_sanctions).

In: the voice spans the rules in patterns/sanctions.jsonl found (DEMAND, COURT, DECISION, PASSIVE,
EARLIER, DEFENCE, ADVICE, PRIOR, EXECUTION, OTHER; ASIDE and REPORTED, see below) and the role of
the section. Out: for a token, ``Actor.DEMANDED`` / ``IMPOSED`` / ``EARLIER``, ``DROP`` (spoken of,
but no sanction of this case: the defence's proposal, advice, a record, a maximum, the execution of
an earlier suspended sentence) or ``None`` (nobody said it).

The nearest voice before the token in its clause wins, unless it stands in a comma-delimited
insertion after another voice ("Het hof acht, evenals de advocaat-generaal, een taakstraf ...
passend"); then the voice carried from a list head ("De officier van justitie heeft gevorderd dat
verdachte wordt veroordeeld tot:"); then, in sections without a default, the first voice after
it; then the section's default: a vordering section demands and a beslissing imposes
(legal-domain.md §4.2). ASIDE swallows a demand named in passing ("anders dan de officier van
justitie heeft gevorderd"); REPORTED opens the words of a demand or plea ("heeft gevorderd dat de
rechtbank verdachte veroordeelt tot"), in which a court or a decision verb is what is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from rulings.models import Actor, Role
from rulings.nlp.clauses import Clause

DROP: Final = "drop"
Meaning = Actor | Literal["drop"] | None

VOICE_MEANING: Final[dict[str, Actor | Literal["drop"]]] = {
    "DEMAND": Actor.DEMANDED,
    "COURT": Actor.IMPOSED,
    "DECISION": Actor.IMPOSED,
    "EARLIER": Actor.EARLIER,
    "DEFENCE": DROP,
    "ADVICE": DROP,
    "PRIOR": DROP,
    "EXECUTION": DROP,
    "OTHER": DROP,
    "PASSIVE": Actor.IMPOSED,
}
# ASIDE swallows a voice named in passing; REPORTED ("gevorderd dat", "verzoekt om") opens the
# words of a demand or a request, in which a court or a decision verb is what is asked for.
VOICE_LABELS: Final = frozenset(VOICE_MEANING) | {"ASIDE", "REPORTED"}
_ASKED_FOR: Final = frozenset({"COURT", "DECISION"})

# Sections that never state a sentence: a fine or a duration there is part of the charged facts
# or of a list of articles. Bewijs and strafbaarheid are read like any section without a default:
# a heading may put the sentence under them ("Strafbaarheid en strafoplegging").
SILENT_ROLES: Final = frozenset(
    {
        Role.TENLASTELEGGING,
        Role.BEWEZENVERKLARING,
        Role.KWALIFICATIE,
        Role.WETTELIJKE_VOORSCHRIFTEN,
    }
)
_ROLE_DEFAULT: Final[dict[Role, Actor]] = {
    Role.VORDERING: Actor.DEMANDED,
    Role.BESLISSING: Actor.IMPOSED,
}
# A vordering section may say "dat de rechtbank verdachte veroordeelt tot" or "bijzondere
# voorwaarden zoals geadviseerd door de reclassering": still the demand.
# A verdediging section asks the court for a sentence ("De raadsman heeft de rechtbank verzocht
# te volstaan met een taakstraf van 80 uren"): the court it names decides nothing there.
_ROLE_IGNORES: Final[dict[Role, frozenset[str]]] = {
    Role.VORDERING: frozenset({"COURT", "DECISION", "ADVICE"}),
    Role.BESLISSING: frozenset({"DEMAND"}),
    Role.VERDEDIGING: frozenset({"COURT", "DECISION"}),
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A voice span reduced to what the tracker needs."""

    start: int
    end: int
    meaning: Meaning
    label: str = ""

    @property
    def only_after(self) -> bool:
        """A passive decision ("zal ... worden opgelegd") names the court only after the words
        it decides; before them it may be part of a demand ("gevorderd dat ... wordt opgelegd")."""
        return self.label == "PASSIVE"


class VoiceTracker:
    """Walks the clauses of one section Doc in order and answers 'who says this?'."""

    def __init__(
        self,
        cues: list[tuple[str, int, int]],
        role: Role,
        summary: bool,
        commas: Sequence[int] = (),
    ) -> None:
        """Keep the cues the section's role lets speak.

        Args:
            cues: (label, start, end) of every voice span, overlaps already resolved.
            role: the section's role.
            summary: the Doc is the inhoudsindicatie, which reports this court's own outcome
                in the past tense ("Verdachte is veroordeeld tot ..."), so EARLIER reads as imposed.
            commas: token positions of the commas, which mark insertions ("Het hof acht,
                evenals de advocaat-generaal, een taakstraf van 150 uren passend").
        """
        self.commas = sorted(commas)
        ignored = _ROLE_IGNORES.get(role, frozenset())
        self.cues = [
            Cue(start, end, self._meaning(label, summary), label)
            for label, start, end in sorted(cues, key=lambda c: c[1])
            if label not in ignored
        ]
        self.default: Actor | None = Actor.IMPOSED if summary else _ROLE_DEFAULT.get(role)
        self.carried: Meaning = None
        self.list_head: Meaning = None
        self.clause_cues: list[Cue] = []
        self.clause: Clause | None = None

    @staticmethod
    def _meaning(label: str, summary: bool) -> Meaning:
        if label in ("ASIDE", "REPORTED"):
            return None
        meaning = VOICE_MEANING[label]
        return Actor.IMPOSED if summary and meaning == Actor.EARLIER else meaning

    def enter(self, clause: Clause) -> None:
        """Start a clause; a clause that does not continue a list or sentence forgets the voice."""
        if not clause.continues:
            self.carried = None
            self.list_head = None
        self.clause = clause
        self.clause_cues = self._speaking(
            [c for c in self.cues if clause.start <= c.start < clause.end]
        )

    def _speaking(self, cues: list[Cue]) -> list[Cue]:
        """The cues that speak: once a demand or a plea opens its words ("heeft gevorderd dat het
        hof verdachte veroordeelt tot"), a court or decision verb inside them is what is asked."""
        speaking: list[Cue] = []
        current: Meaning = self.carried
        reported = executing = False
        for cue in cues:
            if cue.label == "REPORTED":
                reported = reported or current in (Actor.DEMANDED, DROP)
            elif executing and cue.meaning == Actor.EARLIER:
                continue  # "gelast de tenuitvoerlegging van de straf die bij vonnis van ...
                # voorwaardelijk is opgelegd, te weten ...": the sentence being executed
            elif cue.meaning is not None and not (reported and cue.label in _ASKED_FOR):
                executing = executing or cue.label == "EXECUTION"
                speaking.append(cue)
                current = cue.meaning if not cue.only_after else current
        return speaking

    def _inserted(self, cue: Cue, position: int) -> bool:
        """The cue stands in a comma-delimited insertion that closes before ``position``."""
        opening = [c for c in self.commas if c < cue.start]
        closing = [c for c in self.commas if cue.end <= c < position]
        return bool(opening and closing) and (
            self.clause is None or opening[-1] >= self.clause.start
        )

    def _before(self, position: int) -> list[Cue]:
        """The cues that open before ``position`` (a cue may wrap the words it speaks of: "heeft
        het hof ... een schadevergoedingsmaatregel opgelegd"); one inside an insertion does not
        count when a voice spoke before the insertion opened."""
        before = [c for c in self.clause_cues if c.start < position and not c.only_after]
        while len(before) > 1 and self._inserted(before[-1], position):
            opening = max(c for c in self.commas if c < before[-1].start)
            if not any(c.end <= opening for c in before):
                break
            before.pop()
        return before

    def at(self, position: int) -> Meaning:
        """Who speaks of the words at token ``position`` in the current clause."""
        before = self._before(position)
        if before:
            return before[-1].meaning
        if self.carried is not None:
            return self.carried
        if self.default is None:
            after = [c for c in self.clause_cues if c.start >= position]
            if after:
                return after[0].meaning
        return self.default

    def voice_start(self, position: int) -> int:
        """Where the voice that speaks at ``position`` ends, or the clause start: words between
        that point and ``position`` are what the voice says."""
        before = [min(c.end, position) for c in self._before(position)]
        if before:
            return max(before)
        return self.clause.start if self.clause is not None else 0

    def leave(self) -> None:
        """End the clause; its last voice (or a list head's) carries into a continuing clause."""
        spoken = [c for c in self.clause_cues if not c.only_after]
        last = spoken[-1].meaning if spoken else self.carried
        if self.clause is not None and self.clause.opens_list:
            self.list_head = last
        self.carried = self.list_head if self.list_head is not None else last
