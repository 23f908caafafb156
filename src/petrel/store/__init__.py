"""The embedded DuckDB store (schema, bulk writes) and its read queries."""

from petrel.store.store import BatchResult, Store, rejection_id

__all__ = ["BatchResult", "Store", "rejection_id"]
