"""Sharing practices with other cities: the JSON format (``schema.json``), its strict validation,
serialisation for the API and exports, and the importer."""
