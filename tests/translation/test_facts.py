import pytest

from welcome.translation import facts


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("Ring på +45 33 66 33 66.", "Ring på +45 33 66 33 67.", "phone"),
        ("Skriv til cpr@kk.dk.", "Skriv til folkeregister@kk.dk.", "email"),
        ("Se https://www.kk.dk/cpr for mere.", "Se https://www.kk.dk/borger for mere.", "url"),
        ("Åbent kl. 10.00 hver dag.", "Åbent kl. 11.00 hver dag.", "time"),
        ("Fristen er 1.3.2026.", "Fristen er 1.4.2026.", "date"),
        ("Fristen er 1. marts.", "Fristen er 2. marts.", "date"),
        ("Det koster 125 kr.", "Det koster 150 kr.", "number"),
    ],
)
def test_a_changed_fact_is_found_with_its_kind(old, new, kind):
    assert facts.changed_kinds(old, new) == [kind]


def test_rewording_without_changing_facts_is_not_critical():
    old = "Ring på +45 33 66 33 66 mellem kl. 10:00 og 15:00."
    new = "Du kan ringe til os på +45 33 66 33 66 fra 10:00 til 15:00."

    assert facts.changed_kinds(old, new) == []
