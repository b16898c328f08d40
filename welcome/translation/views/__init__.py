"""Admin views of the translation engine. Each view checks the user's roles on the server."""
