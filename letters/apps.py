"""App config for letters: the letter and the copies of it the archive is built from."""

from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Letters and sources"
