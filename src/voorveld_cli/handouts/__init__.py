"""Printable handouts: model.py builds the page content, one module per format draws it."""
