"""The terminology base: approved terms per language, do-not-translate names and the citizens'
tone guidance (discouraged words with the preferred wording). See ``models`` and ``glossary``."""
