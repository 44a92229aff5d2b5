"""Countries of signatories: ISO 3166 alpha-2 codes from pycountry, and their English names."""

from functools import cache

import pycountry


@cache
def country_choices() -> list[tuple[str, str]]:
    return sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda c: c[1])


def country_name(code: str) -> str:
    """The English name of a country code; a value that is not a code is returned as it is."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else code


def is_country_code(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None if len(code) == 2 else False
