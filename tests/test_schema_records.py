"""The typed records of pipeline/schema.py behave as frozen keyword-only dataclasses whose
every field is a required column, whatever sets their fields."""
from __future__ import annotations

import dataclasses

import pytest

from pipeline.schema import TABLES


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_record_holds_what_it_was_given_and_stays_frozen(name: str):
    record_type = TABLES[name].record
    names = [f.name for f in dataclasses.fields(record_type)]
    values = {field: f"value {k}" for k, field in enumerate(names)}
    record = record_type(**values)
    assert dataclasses.asdict(record) == values
    assert record == record_type(**values) and hash(record) == hash(record_type(**values))
    assert record != record_type(**{**values, names[-1]: "other"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, names[0], "changed")
    with pytest.raises(TypeError, match=names[-1]):
        record_type(**{field: value for field, value in values.items() if field != names[-1]})
    with pytest.raises(TypeError):
        record_type(**values, not_a_column=1)
    with pytest.raises(TypeError):
        record_type(*values.values())
    assert dataclasses.replace(record, **{names[0]: "new"}) == record_type(**{**values, names[0]: "new"})
