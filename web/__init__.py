"""Serving the archive in production: request guards, HTTP caching, outages, health, error pages."""
