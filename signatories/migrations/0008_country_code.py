"""A signatory's country is chosen from ISO 3166 (pycountry) and stored as its alpha-2 code.

Countries typed freely before are looked up by name or code; one that is not found is kept as
typed, and the curation form asks for a country from the list the next time it is saved.
"""

import pycountry
from django.db import migrations


def to_codes(apps, schema_editor):
    Signatory = apps.get_model("signatories", "Signatory")
    for signatory in Signatory.objects.exclude(country=""):
        try:
            code = pycountry.countries.lookup(signatory.country.strip()).alpha_2
        except LookupError:
            continue
        if code != signatory.country:
            signatory.country = code
            signatory.save(update_fields=["country"])


def to_names(apps, schema_editor):
    Signatory = apps.get_model("signatories", "Signatory")
    for signatory in Signatory.objects.exclude(country=""):
        country = pycountry.countries.get(alpha_2=signatory.country)
        if country is not None:
            signatory.country = country.name
            signatory.save(update_fields=["country"])


class Migration(migrations.Migration):
    dependencies = [("signatories", "0007_alias_language")]

    operations = [migrations.RunPython(to_codes, to_names)]
