"""The moved SignatoryRedirect's table takes its new app's name."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0002_signatoryredirect"),
        ("curation", "0003_signatoryredirect_moved"),
    ]

    operations = [migrations.AlterModelTable(name="signatoryredirect", table=None)]
