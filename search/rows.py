"""A page's ranked matches as signatories, from the values read with its sample.

A page ranks a sample of the matches in Python (`search.sampling.sample`), then shows a page of
them. Reading the fields the page shows with the sample spares the page a query of its own:
the rows below are those the queryset of the ranked matches gives, field for field, built
only for the page asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Field, Model

from search.conditions import Document


def shown_fields(model: type[Model], names: tuple[str, ...]) -> tuple[Field, ...]:
    """The model's fields of these names: those a page shows of each match."""
    fields = tuple(model._meta.get_field(name) for name in names)
    for field in fields:
        if not field.concrete or field.many_to_many or field.primary_key:
            raise ValueError(f"{field.name}: not a column of {model._meta.label}")
    return fields


class RankedRows(Sequence):
    """The ranked documents' signatories (instances of `model` with only `fields` loaded), in
    the order of the documents; an instance is built when a page reads it."""

    def __init__(self, model: type[Model], db: str, fields: tuple[Field, ...], ranked: list):
        self.model, self.db = model, db
        self.names = (model._meta.pk.attname, *(field.attname for field in fields))
        self.ranked: list[Document] = ranked

    def __len__(self) -> int:
        return len(self.ranked)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.instance(row) for row in self.ranked[index]]
        return self.instance(self.ranked[index])

    def instance(self, row: Document) -> Model:
        return self.model.from_db(self.db, self.names, (row.pk, *row.shown))
