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
``sqrt(-1)``, ``1/0``) give ``None``; a result beyond the float range (``exp(1000)``) gives
``inf``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

#: Deepest nesting of parentheses and unary signs read (a bound on the parser's recursion).
MAX_DEPTH = 20

FUNCTIONS: dict[str, Callable[[float], float]] = {
    "log": math.log,
    "ln": math.log,
    "log10": math.log10,
    "log2": math.log2,
    "exp": math.exp,
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
            return math.pow(base, exponent)
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
    except OverflowError:
        return math.inf
    except (_UnreadableError, ZeroDivisionError, ValueError):
        return None
    return None if math.isnan(value) else value
