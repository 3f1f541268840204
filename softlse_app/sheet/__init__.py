"""Page "Sheet 7": the exercise sheet's questions (a)–(d), each predicted first, then revealed
with live numbers, the derivation, a small figure and a link into the page that explores it.
"""
