"""Route tables, one module per area of the archive."""
