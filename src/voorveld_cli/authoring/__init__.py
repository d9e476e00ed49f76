"""Authoring: what a maintainer runs. New files from the schema, the JSON Schema and
field reference, and the checks of `voorveld check`."""
