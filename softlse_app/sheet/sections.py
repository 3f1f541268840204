"""The parts of the sheet page: a question with its prediction inputs and Reveal button, and a
revealed answer with the judgements, numbers, derivation, figure, code critique and links.

Nothing of an answer is computed or drawn until its question is revealed: :func:`answer_part`
is the only caller of the answer, figure and code-critique builders. Our own sentences go
through :func:`markdown_text` (so σ_i or [0.1 0.2] stay literal); text a person typed is never
rendered as Markdown at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from softlse_app.common.caching import cache_figure, cache_numbers
from softlse_app.common.inert_text import show_message
from softlse_app.common.navigation import PAGES
from softlse_app.sheet.answer_parts import Answer, DeepLink
from softlse_app.sheet.answers import answer_a, answer_b, answer_c, answer_d, judge
from softlse_app.sheet.figures import (
    gap_heatmap_figure,
    lse_limit_figure,
    sigma1_slice_figure,
    softmax_bars_figure,
)
from softlse_app.sheet.judging import Judgement, read_number_prediction
from softlse_app.sheet.numbers import gap_results, gradient_results, limit_results, softmax_results
from softlse_app.sheet.progress import choice_prediction_radio, number_prediction_box, reveal
from softlse_app.sheet.questions import ChoicePrediction, Question
from softlse_app.sheet.sheet_code import (
    RIGHT_IMSHOW_CODE,
    SHEET_LSE_CODE,
    SHEET_SOFTMAX_CODE,
    lse_code_problems,
    lse_on_grid,
    onehot_on_grid,
    shown_source,
    softmax_code_problems,
    softmax_on_grid,
)

#: Per question: its numbers, its answer built from them and its figure (with alt text).
_RESULTS: dict[str, Callable[[], Any]] = {
    "a": softmax_results,
    "b": gap_results,
    "c": gradient_results,
    "d": limit_results,
}
_ANSWERS: dict[str, Callable[[Any], Answer]] = {
    "a": answer_a,
    "b": answer_b,
    "c": answer_c,
    "d": answer_d,
}
_FIGURES: dict[str, Callable[[Any], tuple[go.Figure, str]]] = {
    "a": softmax_bars_figure,
    "b": gap_heatmap_figure,
    "c": sigma1_slice_figure,
    "d": lse_limit_figure,
}

_CODE_SPAN = re.compile(r"(`[^`]*`)")
_MARKDOWN_SPECIAL = re.compile(r"([\\*_$<>~])")


def markdown_text(text: str) -> str:
    """Our own sentence, which may hold code spans (`[0.5 0.5]`), made literal for
    ``st.markdown``: outside code spans the characters that would start emphasis, math, HTML
    or strikethrough are backslash-escaped (``σ_i`` keeps its underscore, ``$`` opens no
    formula). Brackets stay as they are: without a following ``(`` they make no link, so the
    numbers read exactly as numpy prints them. Not for text a person typed: that goes through
    :mod:`softlse_app.common.inert_text`."""
    return "".join(
        part if _CODE_SPAN.fullmatch(part) else _MARKDOWN_SPECIAL.sub(r"\\\1", part)
        for part in _CODE_SPAN.split(text)
    )


# The numbers depend on nothing a person types: one entry per question (question b's holds
# one 201 × 201 grid), so four entries hold them all, once per process.
@cache_numbers(max_entries=4)
def results_for(letter: str) -> Any:
    """Question ``letter``'s numbers, computed once per process."""
    return _RESULTS[letter]()


def answer_for(letter: str) -> Answer:
    """Question ``letter``'s answer, from its cached numbers (cheap: formatting only; its
    judging hints are functions, which ``st.cache_data`` could not pickle)."""
    return _ANSWERS[letter](results_for(letter))


@cache_figure(max_entries=4)
def figure_for(letter: str) -> tuple[go.Figure, str]:
    """Question ``letter``'s figure and alt text (shared, never modified after it is built)."""
    return _FIGURES[letter](results_for(letter))


def statement(question: Question) -> None:
    """The question in our words: its heading, paragraphs and formulas."""
    st.header(f"({question.letter}) {question.title}", anchor=f"question-{question.letter}")
    for kind, text in question.statement:
        if kind == "latex":
            st.latex(text)
        else:
            st.markdown(markdown_text(text))


#: Key prefix of the container of a revealed question's locked predictions.
LOCKED_PREFIX = "locked_predictions_"


def prediction_inputs(page: str, question: Question, revealed: bool) -> dict[str, str | None]:
    """The question's prediction widgets, each bound to its query parameter, with a note under
    a number box about how its text was read (not judged, or judged as 0). Once the answer is
    revealed they are locked: the verdict is about the prediction made before seeing it (Back
    undoes the reveal and unlocks them). Returns the predictions by key."""
    st.markdown("**Your prediction first**")
    predictions: dict[str, str | None] = {}
    # a locked question's widgets sit in a container whose key the shell's style reads (greyed
    # by Streamlit below the contrast text needs: softlse_app.common.page_style)
    box = st.container(key=f"{LOCKED_PREFIX}{question.letter}" if revealed else None)
    columns = box.columns(len(question.predictions), gap="large")  # stacked on a phone
    for column, prediction in zip(columns, question.predictions, strict=True):
        with column:
            if isinstance(prediction, ChoicePrediction):
                choice = choice_prediction_radio(page, prediction, locked=revealed)
                predictions[prediction.key] = choice
                continue
            text = number_prediction_box(page, prediction, locked=revealed)
            predictions[prediction.key] = text
            note = read_number_prediction(text).note
            if note is not None:
                st.warning(markdown_text(note), icon=":material/edit_note:")
    return predictions


def reveal_button(letter: str, revealed: bool) -> None:
    """The button "Reveal (x)": adds the question to the URL's reveals. Once revealed it
    stays on the page, greyed, saying so and how to go back to predicting."""
    if revealed:
        st.button(
            f"Revealed ({letter})",
            key=f"reveal_{letter}",
            disabled=True,
            help="Your prediction is locked with the answer shown. Back in the browser "
            "hides the answer again and unlocks it (for a link that opened with answers "
            "shown: the same address without reveal=…).",
        )
        return
    st.button(
        f"Reveal ({letter})",
        key=f"reveal_{letter}",
        on_click=reveal,
        args=(letter,),
        type="primary",
        help="Show the answer below; your prediction stays, locked.",
    )


def deep_link(link: DeepLink) -> None:
    """A link to ``link``'s page and view: Streamlit's page link under ``app.py``'s navigation;
    a plain relative link when this page runs on its own (AppTest), where no other page is
    registered."""
    entry = next(entry for entry in PAGES if entry.url_path == link.url_path)
    try:
        st.page_link(
            str(entry.path), label=link.label, icon=entry.icon, query_params=link.query or None
        )
    except StreamlitPageNotFoundError:
        query = f"?{urlencode(link.query)}" if link.query else ""
        st.markdown(f"[{markdown_text(link.label)}](/{link.url_path}{query})")


def _code_critique(letter: str) -> None:
    """For (b) and (c), on request: what went wrong in the sheet's code and the right numpy."""
    if letter == "b":
        problems = lse_code_problems(results_for("b"))
        sheet_code, right = SHEET_LSE_CODE, shown_source(lse_on_grid)
    else:
        problems = softmax_code_problems(results_for("c"))
        sheet_code = SHEET_SOFTMAX_CODE
        right = "\n\n".join(
            [shown_source(softmax_on_grid), shown_source(onehot_on_grid), RIGHT_IMSHOW_CODE]
        )
    with st.expander("What went wrong in the sheet's code, and the numpy that is right"):
        st.markdown("\n".join(f"- {problem}" for problem in problems))
        st.caption("The sheet's code (quoted, not run):")
        st.code(sheet_code, language="python")
        st.caption("Right: shifted by the larger entry, one expression for the whole grid")
        st.code(right, language="python")


def _judgement(label: str, judgement: Judgement, typed: str | None) -> None:
    """How close one prediction was: a success box when close, an explanation box otherwise;
    a typed prediction is quoted back as literal text (never as Markdown)."""
    words = f"**{markdown_text(label)}**  \n{markdown_text(judgement.verdict)}"
    if judgement.reasons:
        words += "  \n" + markdown_text(" ".join(judgement.reasons))
    echo = typed if typed is not None and typed.strip() else None
    if echo is not None:
        words += "  \nYou typed: "
    if judgement.close:
        show_message("success", words, echo, icon=":material/check_circle:")
    else:
        show_message("info", words, echo, icon=":material/lightbulb:")


def answer_part(question: Question, predictions: dict[str, str | None]) -> None:
    """The revealed answer: how close each prediction was and why, the numbers, the
    derivation, the figure, the code critique for (b) and (c), and where to explore.

    Columns put parts side by side on a wide screen and stack on a phone."""
    letter = question.letter
    answer = answer_for(letter)
    with st.container(border=True, key=f"answer_{letter}"):
        st.subheader(f"Answer ({letter})", anchor=False)
        columns = st.columns(len(question.predictions))
        for column, prediction in zip(columns, question.predictions, strict=True):
            with column:
                given = predictions.get(prediction.key)
                typed = None if isinstance(prediction, ChoicePrediction) else given
                judgement = judge(answer.truths[prediction.key], given)
                _judgement(prediction.label, judgement, typed)
        st.markdown(markdown_text(answer.summary))
        st.code("\n".join(answer.printout), language=None, wrap_lines=True)
        numbers_column, derivation_column = st.columns(2, gap="large")
        with numbers_column:
            st.markdown("\n".join(f"- {markdown_text(line)}" for line in answer.results))
        with derivation_column:
            for kind, text in answer.derivation:
                if kind == "latex":
                    st.latex(text)
                else:
                    st.markdown(markdown_text(text))
        figure_column, links_column = st.columns([3, 2], gap="large")
        figure, alt = figure_for(letter)
        figure_column.plotly_chart(
            figure,
            width="stretch",
            key=f"figure_{letter}",
            alt=alt,
            config={"displayModeBar": False},
        )
        with links_column:
            st.markdown("**Explore further**")
            for link in answer.links:
                deep_link(link)
        if letter in ("b", "c"):
            _code_critique(letter)
