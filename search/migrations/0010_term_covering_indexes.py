"""The vocabulary's three keys, each in a covering index (read alone, without the table, on
PostgreSQL) in place of a plain index and its LIKE twin, which no query used."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_drop_unaccent"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchterm",
            name="head_key",
            field=models.CharField(default="", max_length=8),
        ),
        migrations.AlterField(
            model_name="searchterm",
            name="skeleton_key",
            field=models.CharField(default="", max_length=8),
        ),
        migrations.AlterField(
            model_name="searchterm",
            name="tail_key",
            field=models.CharField(default="", max_length=8),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(
                fields=["head_key"],
                include=("term", "tail_key", "skeleton_key", "documents"),
                name="search_term_head_key",
            ),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(
                fields=["tail_key"],
                include=("term", "head_key", "skeleton_key", "documents"),
                name="search_term_tail_key",
            ),
        ),
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(
                fields=["skeleton_key"],
                include=("term", "head_key", "tail_key", "documents"),
                name="search_term_skeleton_key",
            ),
        ),
    ]
