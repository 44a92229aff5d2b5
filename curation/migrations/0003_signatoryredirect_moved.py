"""SignatoryRedirect now belongs to signatories (see signatories 0002): forget it here, state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0002_curators_group"),
        ("signatories", "0002_signatoryredirect"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SignatoryRedirect")],
        ),
    ]
