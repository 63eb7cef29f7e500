"""Random regular expressions for the property tests of the prefilters and the screens: each
test gives the atoms and forms that matter to what it checks."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

#: Atoms where a word starts or not: letters, digits, spaces, word boundaries, classes with and
#: without letters, look-behinds that exclude one.
WORD_ATOMS: list[str] = [
    "a",
    "ab",
    "b1",
    " ",
    "-",
    "é",
    r"\b",
    r"\B",
    r"\w",
    r"\W",
    r"\s",
    r"\d",
    "[ab]",
    "[^a]",
    r"[^\w.]",
    "[- ]",
    "[0-9]",
    ".",
    "^",
    "$",
    "(?<!a)",
    r"(?<!\wab)",
    "(?<![a-z0-9]ab)",
    "(?=b)",
]


def regex_patterns(
    atoms: st.SearchStrategy[str],
    *,
    groups: Sequence[str] = ("(?:{})", "({})"),
    counts: Sequence[str] = ("*", "+", "?", "{2}", "{0,2}", "+?", "{1,3}"),
    wrappers: Sequence[str] = ("(?i:{})",),
    max_leaves: int = 10,
) -> st.SearchStrategy[str]:
    """Patterns made of ``atoms``: sequences, alternations in each of ``groups``, repeats by each
    of ``counts``, and each of ``wrappers`` around a pattern (``{}`` stands for it)."""

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            *(
                st.lists(inner, min_size=2, max_size=3).map("|".join).map(group.format)
                for group in groups
            ),
            st.tuples(inner, st.sampled_from(list(counts))).map(lambda t: f"(?:{t[0]}){t[1]}"),
            *(inner.map(wrapper.format) for wrapper in wrappers),
        )

    return st.recursive(atoms, extend, max_leaves=max_leaves)
