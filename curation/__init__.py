"""Curation: corrections to the imported record that survive re-import, with an audit trail."""
