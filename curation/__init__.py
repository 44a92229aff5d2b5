"""Curation: corrections to the imported record that survive re-import, with an audit trail.

`services` is the only way curators write (each change with a reason, logged by `log` in the
public corrections log); `exchange` moves curation to and from a JSON document; `admin/` is the
curation admin."""
