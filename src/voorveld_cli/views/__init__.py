"""Views: plain data for every output. Records, tables, the export rows and the one
label registry; render/ and the commands turn them into text."""
