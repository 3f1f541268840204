"""The answers to (a)–(d) built from their live numbers, and judging a prediction against its
answer's truth (no Streamlit: the page shows an answer only after its reveal, the summary
download too). The answers themselves are in ``softmax_answer``, ``gap_answer``,
``gradient_answer`` and ``limit_answer``; their shape is :mod:`softlse_app.sheet.answer_parts`.
"""

from __future__ import annotations

from dataclasses import replace

from softlse_app.sheet.answer_parts import Answer, ChoiceTruth, NumberTruth
from softlse_app.sheet.gap_answer import answer_b
from softlse_app.sheet.gradient_answer import answer_c
from softlse_app.sheet.judging import (
    NO_PREDICTION,
    Judgement,
    judge_choice,
    judge_number,
    read_number_prediction,
    typed_half_unit,
    unreadable,
)
from softlse_app.sheet.limit_answer import answer_d
from softlse_app.sheet.numbers import gap_results, gradient_results, limit_results, softmax_results
from softlse_app.sheet.softmax_answer import answer_a

__all__ = ["Answer", "ChoiceTruth", "NumberTruth", "answer_a", "answer_b", "answer_c", "answer_d"]


def build_answer(letter: str) -> Answer:
    """The answer to question ``letter`` with its numbers computed now."""
    if letter == "a":
        return answer_a(softmax_results())
    if letter == "b":
        return answer_b(gap_results())
    if letter == "c":
        return answer_c(gradient_results())
    if letter == "d":
        return answer_d(limit_results())
    raise ValueError(f"no question {letter!r}")


def judge(truth: NumberTruth | ChoiceTruth, prediction: str | None) -> Judgement:
    """Judge a prediction (the typed text, or the option picked; ``None`` or empty text: none
    made) against ``truth``."""
    if isinstance(truth, ChoiceTruth):
        if prediction is None or prediction not in truth.why:
            return NO_PREDICTION
        return judge_choice(prediction, truth.correct, truth.why)
    reading = read_number_prediction(prediction or "")
    if reading.suggestion is not None:
        # Revealed, the box is locked and cannot take the brackets its note asks for: judge
        # the reading the note suggested (log 2/10 as log(2)/10), and say so
        read = read_number_prediction(reading.suggestion)
        note = f"Read as {reading.suggestion}: a function takes its argument in brackets."
        reading = replace(read, note=note if read.note is None else f"{note} {read.note}")
    if reading.value is None:
        return NO_PREDICTION if reading.note is None else unreadable(reading.note)
    judgement = judge_number(
        reading.value,
        truth.value,
        truth.text,
        truth.reasoning,
        truth.hints,
        possible=truth.possible,
        reference=truth.reference,
        typed_half_unit=typed_half_unit(prediction or ""),
    )
    if reading.note is None:
        return judgement
    return replace(judgement, reasons=(reading.note, *judgement.reasons))  # e.g. read as 0
