"""Intake: copies of a letter into the database, through one path. `manifest` reads and verifies a
letter folder (originals through `formats`), `parsing` reads each copy (over `furniture`, `lists`,
`running_text`, `textlines`, `htmltext`; places after names through `annotations`), `matching`
reconciles their lists, and `importer` writes it all in one transaction for `load_letter`, whose
dry run prints the `preview`."""
