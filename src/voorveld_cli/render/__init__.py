"""Output: `plain` for JSON/CSV/Markdown (no rich), `console` for the terminal (rich)."""
