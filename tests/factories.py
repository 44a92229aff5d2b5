"""factory-boy factories for the archive's models."""

import hashlib

import factory

from letters.models import Letter, SourceKind, SourceVersion
from signatories.models import ListEntry, MatchMethod, Signatory


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter
        django_get_or_create = ("slug",)

    slug = "test-letter"
    title = "A test letter"


class SourceVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceVersion

    letter = factory.SubFactory(LetterFactory)
    slug = factory.Sequence(lambda n: f"source-{n}")
    position = factory.Sequence(lambda n: n + 1)
    file_name = factory.LazyAttribute(lambda o: f"{o.slug}.txt")
    text = factory.LazyAttribute(lambda o: f"Text of {o.slug}\n")
    raw = factory.LazyAttribute(lambda o: o.text.encode())
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())
    size = factory.LazyAttribute(lambda o: len(o.text.encode()))
    title = factory.LazyAttribute(lambda o: f"Copy {o.slug}")
    publisher = "A publisher"
    kind = SourceKind.WEB_PAGE


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    letter = factory.SubFactory(LetterFactory)
    imported_name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class ListEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ListEntry

    source = factory.SubFactory(SourceVersionFactory)
    signatory = factory.SubFactory(SignatoryFactory)
    ordinal = factory.Sequence(lambda n: n + 1)
    text = factory.LazyAttribute(lambda o: o.signatory.imported_name)
    line_start = factory.LazyAttribute(lambda o: o.ordinal)
    line_end = factory.LazyAttribute(lambda o: o.ordinal)
    match_method = MatchMethod.EXACT
