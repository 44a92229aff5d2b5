"""Django's PostgreSQL backend whose connections keep the web request's database deadline."""
