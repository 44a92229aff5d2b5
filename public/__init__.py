"""The public archive: every page readers see, the JSON API and the downloads.

The letter and its copies (`letter_views`, `collation_views`, `site_views`), the signatory directory
and pages (`signatory_views`, `filters`, `downloads`), the discrepancies between the lists, the
public corrections log, the JSON API (`*_api`), the sitemap, and the redirects from merged
signatories' old URLs. Read-only: nothing here writes to the database.
"""
