"""PO files for translators who work offline (polib).

Export (``export_po``): one entry per unit of one language, in a stable order, so the same state
exports to the same bytes. An entry's ``msgctxt`` names the unit —
``<app>.<model>:<translation key>:<segment key>`` — and never changes while the segment exists.
Extracted comments give the object's title, the field, the maximum length, the approved terms of
the source with their translation and the target hash (see below). An outdated unit is exported
``fuzzy`` with its old translation and the Danish text it translated as ``#| msgid``. The header
says ``Language``, ``Plural-Forms`` (from the language registry, the one source of plural rules)
and UTF-8.

Import (``import_po``), all in one transaction:

- the file is refused before parsing if it is larger than ``WELCOME_PO_MAX_BYTES``; it must be
  UTF-8 (bytes and header), without NUL bytes; it is parsed from a temporary file we write, never
  from a path found in the content (polib opens an existing path given as text);
- ``Language`` must be an active target language the user translates;
- a duplicated ``msgctxt`` or a syntax error refuses the file; fuzzy and obsolete entries are
  skipped; an unknown ``msgctxt`` is reported;
- an entry whose ``msgid`` is no longer the Danish source is *stale*; one whose stored translation
  changed since export (``target-hash`` in the file differs) is a *conflict*; neither is applied;
- rich text is sanitised to the markup of its source (tags and attributes the source does not
  have are removed, and the entry is refused if anything had to be removed); an entry failing a
  blocking quality check is refused with the reasons;
- applied units become drafts (or “needs review” with ``submit=True``), origin ``import``; the
  translation is published only after a reviewer approves it. Importing the same file again
  changes nothing (the entries are *unchanged*).
"""

import polib  # noqa: F401  (tests replace polib.pofile through this module)

from .common import PoFileRefused, max_bytes, read, too_large_message
from .export import export_po, select_units
from .imports import ImportReport, import_po

__all__ = [
    "ImportReport",
    "PoFileRefused",
    "export_po",
    "import_po",
    "max_bytes",
    "read",
    "select_units",
    "too_large_message",
]
