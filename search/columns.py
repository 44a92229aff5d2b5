"""Table and column names quoted for the SQL the archive writes by hand (the search's readings
and vocabulary lookups, a page's sources, entries and marks): one way of quoting a model's names."""


class Columns:
    """Quoted table and column names on one connection, by model and field name."""

    def __init__(self, connection):
        self.quote = connection.ops.quote_name

    def table(self, model) -> str:
        return self.quote(model._meta.db_table)

    def __call__(self, model, field: str) -> str:
        return f"{self.table(model)}.{self.quote(model._meta.get_field(field).column)}"
