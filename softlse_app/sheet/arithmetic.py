"""A small calculator for typed predictions: ``log(2)/10``, ``1/(1+e^-1)``, ``3 + log(3)``.

A student's natural answer to "the largest gap for λ = 10" is ``log(2)/10``, not 0.0693. This
module reads such text with its own parser — a whitelist grammar, never ``eval`` — so nothing
typed can run code or reach anything but the arithmetic below:

- numbers in decimal notation with an optional exponent (``0.5``, ``.5``, ``2e-3``);
- the constants ``e`` and ``pi`` (or ``π``);
- ``+``, ``-`` (also the Unicode minus ``−``), ``*`` (also ``×`` and ``·``), ``/``, powers
  ``^`` or ``**`` (right-associative: ``2^3^2`` = 2^9), unary signs and parentheses;
- the functions ``log`` and ``ln`` (natural), ``log10``, ``log2``, ``exp`` and ``sqrt``, each
  applied to a parenthesised argument.

Edge cases: empty text, unknown names, unbalanced parentheses, more than
:data:`MAX_DEPTH` nested parentheses and a result outside the real numbers (``log(-1)``,
``sqrt(-1)``, ``1/0``) give ``None``. A step beyond the float range is ±inf, as in IEEE
arithmetic, and the rest of the formula goes on from there: ``exp(1000)`` is inf,
``-exp(1000)`` is −inf, ``1/exp(1000)`` is 0 (its true value, 5e−435, is below the smallest
float too), ``exp(1000) - exp(1000)`` is NaN and gives ``None``.

A function written without brackets (``log 2/10``, ``ln2/10``, as the sheet's own text writes
log 2/λ) is not read, but :func:`bracket_suggestion` gives the text with the brackets
put in (``log(2)/10``), so the page can say what to type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

#: Deepest nesting of parentheses and unary signs read (a bound on the parser's recursion).
MAX_DEPTH = 20


def _exp(x: float) -> float:
    """e^x, inf where it overflows (``math.exp`` raises there)."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _power(base: float, exponent: float) -> float:
    """base^exponent, ±inf where it overflows (``math.pow`` raises there): −inf for a
    negative base and an odd integer exponent, else inf."""
    try:
        return math.pow(base, exponent)
    except OverflowError:
        odd = exponent.is_integer() and math.fmod(exponent, 2.0) != 0.0
        return -math.inf if base < 0 and odd else math.inf


FUNCTIONS: dict[str, Callable[[float], float]] = {
    "log": math.log,
    "ln": math.log,
    "log10": math.log10,
    "log2": math.log2,
    "exp": _exp,
    "sqrt": math.sqrt,
}
CONSTANTS = {"e": math.e, "pi": math.pi, "π": math.pi}

_TOKEN = re.compile(
    r"\s*(?:(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[a-zA-Zπ][a-zA-Z0-9]*)"
    r"|(?P<op>\*\*|[-+*/^()×·−]))"
)
_SAME_OP = {"−": "-", "×": "*", "·": "*", "**": "^"}


class _UnreadableError(ValueError):
    """The text is not an expression this calculator reads."""


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise _UnreadableError(text[position:])
        token = match.group("number") or match.group("name") or match.group("op")
        tokens.append(_SAME_OP.get(token, token))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise _UnreadableError(str(token))
        self.at += 1
        return token

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _UnreadableError("too deep")

    def expression(self) -> float:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> float:
        value = self.factor()
        while self.peek() in ("*", "/"):
            if self.take() == "*":
                value *= self.factor()
            else:
                value /= self.factor()  # ZeroDivisionError: caught by the caller
        return value

    def factor(self) -> float:
        if self.peek() in ("+", "-"):
            self.nested()
            sign = -1.0 if self.take() == "-" else 1.0
            value = sign * self.factor()
            self.depth -= 1
            return value
        return self.power()

    def power(self) -> float:
        base = self.atom()
        if self.peek() == "^":
            self.take()
            self.nested()
            exponent = self.factor()  # right-associative, and 2^-1 reads as 2^(−1)
            self.depth -= 1
            return _power(base, exponent)
        return base

    def atom(self) -> float:
        token = self.take()
        if token == "(":  # noqa: S105 (a token, not a password)
            self.nested()
            value = self.expression()
            self.take(")")
            self.depth -= 1
            return value
        if token in CONSTANTS:
            return CONSTANTS[token]
        if token in FUNCTIONS:
            self.take("(")
            self.nested()
            argument = self.expression()
            self.take(")")
            self.depth -= 1
            return FUNCTIONS[token](argument)
        if token[0].isdigit() or token[0] == ".":
            return float(token)
        raise _UnreadableError(token)


#: A name such as ``ln2`` or ``log22``: a function glued to a number, read as log(22). The
#: names ``log2`` and ``log10`` are functions themselves and are never split.
_GLUED = re.compile(r"(sqrt|exp|log|ln)(\d+\.?\d*)")


def _is_atom(token: str) -> bool:
    """A number or a constant: what a function written without brackets applies to."""
    return token in CONSTANTS or token[:1].isdigit() or token[:1] == "."


def bracket_suggestion(text: str) -> str | None:
    """``text`` with brackets put around each function's unbracketed argument, when that makes
    it readable: ``log 2/10`` → ``log(2)/10``, ``ln2/10`` → ``ln(2)/10``, ``exp -2`` →
    ``exp(-2)``. The argument is the number or constant right after the function (with its
    sign), as ``log 2/λ`` means log(2)/λ. ``None`` when there is nothing to put in brackets or
    the result is still not readable.

    >>> bracket_suggestion("log 2/10")
    'log(2)/10'
    >>> bracket_suggestion("log2/10")  # not log2, the base-2 logarithm, of nothing
    'log(2)/10'
    >>> bracket_suggestion("log2+1"), bracket_suggestion("log2.5/10")
    ('log(2)+1', 'log(2.5)/10')
    >>> bracket_suggestion("1/(1+exp -1)")
    '1/(1+exp(-1))'
    >>> bracket_suggestion("log(2)/10") is None
    True
    """
    try:
        tokens = _tokens(text)
    except _UnreadableError:
        return None
    split: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        index += 1
        glued = _GLUED.fullmatch(token)
        if glued and following[:1] == ".":  # log2.5: log of 2.5, not log2 of .5
            function, digits = glued.groups()
            split.extend([function, digits + following])
            index += 1
            continue
        # log10 and log2 are functions when a number or a bracket follows for them to apply
        # to (log2 8, log2(8)); otherwise (log2/10, log2+1) log 2 and log 10 run together
        applied = token in FUNCTIONS and (following == "(" or _is_atom(following))
        split.extend(glued.groups() if glued and not applied else [token])
    out: list[str] = []
    at, changed = 0, False
    while at < len(split):
        token = split[at]
        out.append(token)
        at += 1
        if token not in FUNCTIONS or at >= len(split) or split[at] == "(":
            continue
        sign = [split[at]] if split[at] in ("+", "-") else []
        argument = at + len(sign)
        if argument >= len(split):
            continue
        atom = split[argument]
        if _is_atom(atom):
            out.extend(["(", *sign, atom, ")"])
            at = argument + 1
            changed = True
    suggestion = "".join(out)
    if not changed or evaluate_arithmetic(suggestion) is None:
        return None
    return suggestion


def evaluate_arithmetic(text: str) -> float | None:
    """The value of ``text`` as an arithmetic expression (see the module docstring), or ``None``.

    Examples
    --------
    >>> round(evaluate_arithmetic("log(2)/10"), 10)
    0.0693147181
    >>> evaluate_arithmetic("2^3^2")
    512.0
    >>> evaluate_arithmetic("-2^2")
    -4.0
    >>> evaluate_arithmetic("exp(1000)")
    inf
    >>> evaluate_arithmetic("1/exp(1000)")
    0.0
    >>> evaluate_arithmetic("-exp(1000)")
    -inf
    >>> evaluate_arithmetic("__import__('os')") is None
    True
    >>> evaluate_arithmetic("log(-1)") is None
    True
    """
    try:
        parser = _Parser(_tokens(text))
        value = parser.expression()
        if parser.peek() is not None:
            return None
    except (_UnreadableError, ZeroDivisionError, ValueError):
        return None
    return None if math.isnan(value) else value
