"""Intake: copies of a letter into the database, through one path. `manifest` reads and verifies a
letter folder, `parsing` and `lists` (over `textlines` and `htmltext`) parse each copy, `matching`
reconciles their lists, and `importer` writes it all in one transaction for `load_letter`."""
