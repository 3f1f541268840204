"""Page "Exercise sheet": the sheet's questions (a)–(d), each predicted first and then revealed
with live numbers, the derivation, a figure and a link into the page that explores it.

Layout only: the questions are :mod:`softlse_app.sheet.questions`, the parts of the page
:mod:`softlse_app.sheet.sections`, the URL state :mod:`softlse_app.sheet.progress` and the
download :mod:`softlse_app.sheet.summary`. Query parameters: ``reveal`` (``a,b``) and one per
prediction (``pa1``, ``pa2``, … ``pd2``).
"""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.inert_text import show_message
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_state import show_url_notes, write_corrected_link_values
from softlse_app.sheet.answer_focus import focus_answer, take_just_revealed
from softlse_app.sheet.progress import class_link, opened_on_this_machine, revealed_letters
from softlse_app.sheet.questions import QUESTIONS
from softlse_app.sheet.sections import (
    answer_for,
    answer_part,
    markdown_text,
    prediction_inputs,
    reveal_button,
    statement,
)
from softlse_app.sheet.summary import MAX_NAME, local_now, summary_file_name, summary_html

require_app_navigation()

PAGE = "sheet"

st.title("Exercise sheet 7: predict, then reveal")
st.markdown(
    "The four questions of the exercise sheet on log-sum-exp and softmax. For each one, "
    "**make a prediction first** (a number, a formula such as log(2)/10, or a choice), then "
    "press **Reveal** to see the "
    "answer computed live, the derivation, a picture and how close you were. The answers "
    "build on each other (a revealed gap says where lse goes), so predict all four before "
    "revealing any. Your predictions "
    "and what you have revealed are kept in this page's link: copy it to come back later or "
    "to share it."
)
notes = st.container()  # link notes, filled once every parameter has been read
reveals = revealed_letters()
revealed = reveals.value or frozenset()

predictions: dict[str, str | None] = {}
just_revealed = take_just_revealed()
for question in QUESTIONS:
    statement(question)
    predictions.update(prediction_inputs(PAGE, question, question.letter in revealed))
    reveal_button(question.letter, question.letter in revealed)
    if question.letter in revealed:
        answer_part(question, predictions)
        if question.letter == just_revealed:
            focus_answer(question.letter)  # the pressed button, now disabled, lost the focus

with notes:
    show_url_notes(PAGE)
    if reveals.note is not None:
        show_message("warning", reveals.note, icon=":material/link_off:")

st.header("Your summary", anchor="summary")
st.markdown(
    markdown_text(
        f"{len(revealed)} of {len(QUESTIONS)} questions revealed. The download holds every "
        "question, your predictions and the answers you have revealed (only those), as a web "
        "page you can print."
    )
)
# The name is for the file a teacher collects; it stays out of the link, which gets shared
name = st.text_input(
    "Your name on the summary (optional; not kept in the page's link)",
    key="summary_name",
    max_chars=MAX_NAME,
)
made = local_now(st.context.timezone)
st.download_button(
    "Download the summary (HTML)",
    data=summary_html(
        predictions, {letter: answer_for(letter) for letter in sorted(revealed)}, name, made
    ),
    file_name=summary_file_name(name, made),
    mime="text/html",
    on_click="ignore",
    icon=":material/download:",
)
st.caption(
    "The summary holds the predictions the page has read: press Enter in a box you have just "
    "typed in before downloading."
)
with st.expander("Share these reveals with a class", icon=":material/share:"):
    st.markdown(
        "The address bar's link also carries your predictions, which students would see, and "
        "hand in, as theirs. This link opens the sheet with the same questions revealed and "
        "no predictions:"
    )
    st.code(class_link(st.context.url, revealed), language=None)
    if opened_on_this_machine(st.context.url):
        st.caption(
            "This page was opened by this computer's own address, so the link points every "
            "student at their own computer. Open the sheet by the address students use (the "
            "server's name, as in the class's link) and copy the link there."
        )

write_corrected_link_values()  # a link's corrected values reach the address bar now
