"""Curation shipped with a letter: `fixtures/<letter>/curation.toml`, applied by every load.

The file holds curators' decisions made once for everyone who loads the letter: for now aliases,
such as the established English name of an organisation that the copies print only in another
script. `load_letter` applies each one through the curation services (`alias_add`), so it is a
real decision: logged in the public corrections log with its reason and evidence, with history,
undoable. The log record's key is derived from the letter, the signatory's printed reading and
the alias, so a later load sees that an item was applied and leaves it alone: a second load
changes nothing, and a curator who removes or edits a shipped alias keeps that decision.

Bad input is refused whole, before anything is applied: a malformed file, an unknown key, a value
the curation services would refuse (the checks of `curation.exchange_checks`), or an alias whose
signatory no loaded copy prints raise `ShippedCurationError`, a `LoadError`, and the import
writes nothing. The format: docs/shipped-curation.md.
"""

from __future__ import annotations

import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import Q

from curation.exchange_checks import EVIDENCE_URL, check
from curation.models import Correction
from curation.services import NAME_LANGUAGE_RE, alias_add
from intake import limits
from intake.manifest import LoadError
from letters.models import Letter
from signatories.models import Alias, ListEntry, Signatory

FILE_NAME = "curation.toml"
FORMAT = "open-letter-archive/shipped-curation"
VERSION = 1
ALIAS_REQUIRED = {"signatory", "name", "reason"}
ALIAS_OPTIONAL = {"language", "evidence_url", "source", "shared"}
# Who the public log names for these decisions.
CURATOR_NAME = "the archive (curation.toml shipped with the letter)"
# Fixed for ever: the keys of applied items are derived from it.
KEY_NAMESPACE = uuid.UUID("5f0c1a52-9d0e-4d7b-8f5e-0b6a3c9e2d41")


class ShippedCurationError(LoadError):
    """A curation.toml the import refuses, with where and what is wrong."""


@dataclass(frozen=True)
class ShippedAlias:
    """One alias to give the signatory a copy prints as `signatory`."""

    signatory: str
    name: str
    reason: str
    language: str = ""
    evidence_url: str = ""
    source: str = ""  # the slug of a copy that prints the alias, linked from the log
    shared: bool = False  # another signatory is known by this name too, knowingly

    def key(self, letter_slug: str) -> uuid.UUID:
        parts = ("alias", letter_slug, self.signatory, self.name)
        return uuid.uuid5(KEY_NAMESPACE, "\x1f".join(parts))


def read_shipped_curation(folder: Path) -> list[ShippedAlias]:
    """The folder's shipped aliases ([] when it has no curation.toml); refuse a bad file."""
    path = folder / FILE_NAME
    if not path.is_file():
        return []
    try:
        limits.check_file_size(str(path), path.stat().st_size, limits.MAX_MANIFEST_BYTES)
        text = path.read_text(encoding="utf-8")
    except (limits.LimitError, UnicodeDecodeError) as exc:
        raise ShippedCurationError(f"{path}: {exc}") from exc
    return parse_shipped_curation(text, where=str(path))


def parse_shipped_curation(text: str, *, where: str) -> list[ShippedAlias]:
    """The aliases a curation.toml holds, or ShippedCurationError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ShippedCurationError(f"{where}: malformed TOML: {exc}") from exc
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ShippedCurationError(
            f'{where}: expected format = "{FORMAT}" and version = {VERSION} at the top'
        )
    unknown = sorted(data.keys() - {"format", "version", "aliases"})
    if unknown:
        raise ShippedCurationError(f"{where}: unknown keys {', '.join(unknown)}")
    tables = data.get("aliases", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ShippedCurationError(f"{where}: aliases must be [[aliases]] tables")
    problems: list[str] = []
    aliases: list[ShippedAlias] = []
    seen: set[tuple[str, str]] = set()
    for number, table in enumerate(tables, start=1):
        found = alias_problems(f"{where}: alias #{number}", table)
        problems += found
        if found:
            continue
        alias = ShippedAlias(
            **{k: v.strip() if isinstance(v, str) else v for k, v in table.items()}
        )
        if (alias.signatory, alias.name) in seen:
            problems.append(f"{where}: alias #{number}: “{alias.name}” is listed twice")
        seen.add((alias.signatory, alias.name))
        aliases.append(alias)
    if problems:
        raise ShippedCurationError("; ".join(problems))
    return aliases


def alias_problems(where: str, table: dict) -> list[str]:
    missing = sorted(ALIAS_REQUIRED - table.keys())
    unknown = sorted(table.keys() - ALIAS_REQUIRED - ALIAS_OPTIONAL)
    found = [f"{where}: lacks {', '.join(missing)}"] if missing else []
    if unknown:
        found.append(f"{where}: unknown keys {', '.join(unknown)}")
    if found:
        return found
    if not isinstance(table.get("shared", False), bool):
        found.append(f"{where}: shared must be true or false")
    for field in ("signatory", "name", "reason"):
        if isinstance(table[field], str) and not table[field].strip():
            found.append(f"{where}: {field} must not be blank")
    check(found, where, "signatory", table["signatory"], name=True)
    check(found, where, "alias", table["name"], name=True, model=Alias)
    check(found, where, "reason", table["reason"])
    for field in ("language", "evidence_url", "source"):
        check(found, where, field, table.get(field, ""), name=True)
    language, url = table.get("language", ""), table.get("evidence_url", "")
    if isinstance(language, str) and language and not NAME_LANGUAGE_RE.match(language):
        found.append(f"{where}: language {language!r} is not a language tag such as en or ru-Latn")
    if isinstance(url, str) and url:
        try:
            EVIDENCE_URL(url)
        except ValidationError:
            found.append(f"{where}: evidence_url {url!r} is not an http(s) link")
        check(found, where, "evidence_url", url, model=Correction)
    return found


def apply_shipped_curation(letter: Letter, folder: Path) -> list[str]:
    """Apply the folder's shipped aliases not applied before; return what was added.

    Call inside the import's transaction: every alias to apply is resolved first, and any that
    cannot be raises before one is written."""
    aliases = read_shipped_curation(folder)
    applied = set(
        Correction.objects.filter(key__in=[a.key(letter.slug) for a in aliases]).values_list(
            "key", flat=True
        )
    )
    pending = [a for a in aliases if a.key(letter.slug) not in applied]
    targets, problems = resolve(letter, pending, where=str(folder / FILE_NAME))
    if problems:
        raise ShippedCurationError("; ".join(problems))
    sources = {s.slug: s for s in letter.sources.all()}
    added: list[str] = []
    for alias in pending:
        signatory = targets[alias]
        if signatory.aliases.filter(name=alias.name).exists():
            continue  # a curator gave it already: nothing to decide
        key = alias.key(letter.slug)
        try:
            alias_add(
                signatory=signatory, name=alias.name, language=alias.language,
                reason=alias.reason, evidence_url=alias.evidence_url, user=None,
                allow_shared=alias.shared, source=sources.get(alias.source), key=key,
            )  # fmt: skip
        except ValidationError as error:
            raise ShippedCurationError(
                f"{folder / FILE_NAME}: alias “{alias.name}” of “{alias.signatory}”: "
                + " ".join(error.messages)
            ) from error
        Correction.objects.filter(key=key).update(curator_name=CURATOR_NAME)
        in_language = f" ({alias.language})" if alias.language else ""
        added.append(f"alias “{alias.name}”{in_language} of “{signatory.name}”")
    return added


def resolve(letter: Letter, aliases: list[ShippedAlias], *, where: str):
    """{alias: the signatory a loaded copy prints as its `signatory`}, and the problems."""
    targets: dict[ShippedAlias, Signatory] = {}
    problems: list[str] = []
    source_slugs = set(letter.sources.values_list("slug", flat=True))
    for alias in aliases:
        what = f"{where}: alias “{alias.name}”"
        found = signatories_printed_as(letter, alias.signatory)
        if not found:
            problems.append(f"{what}: no loaded copy prints the signatory “{alias.signatory}”")
        elif len(found) > 1:
            slugs = ", ".join(s.slug for s in found)
            problems.append(f"{what}: “{alias.signatory}” names several signatories ({slugs})")
        else:
            targets[alias] = found[0]
        if alias.source and alias.source not in source_slugs:
            problems.append(f"{what}: source {alias.source!r} is not a copy in letter.toml")
    return targets, problems


def signatories_printed_as(letter: Letter, reading: str) -> list[Signatory]:
    """The signatories a copy's entry prints exactly as `reading`, or that it names them."""
    by_entry = ListEntry.objects.filter(source__letter=letter, text=reading).values("signatory_id")
    named = Q(pk__in=by_entry) | Q(imported_name=reading)
    return list(letter.signatories.filter(named).order_by("slug"))
