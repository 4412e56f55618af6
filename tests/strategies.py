"""Hypothesis strategies for message bodies."""

from __future__ import annotations

from hypothesis import strategies as st

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)

#: Any JSON object: what a property may be handed before validation, or from an old producer.
any_object = st.dictionaries(st.text(max_size=12), json_values, max_size=6)
