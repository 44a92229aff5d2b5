"""App config for intake: reading, parsing and reconciling copies of a letter into the database."""

from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Intake of copies"
