from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("signatories", "0006_entry_pin")]

    operations = [
        migrations.AddField(
            model_name="alias",
            name="language",
            field=models.CharField(blank=True, max_length=20),
        ),
    ]
