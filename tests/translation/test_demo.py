"""The demo: translations recorded as approved units, a realistic mix, idempotent loading."""

import pytest
from django.core.management import call_command

from welcome.translation import overview
from welcome.translation.models import TranslationRequest, Unit, UnitState


@pytest.fixture(scope="module")
def demo_site(module_transaction):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


pytestmark = pytest.mark.django_db


def test_demo_translations_are_approved_units_with_a_realistic_mix(demo_site):
    states = set(Unit.objects.values_list("state", flat=True))

    assert {UnitState.APPROVED, UnitState.OUTDATED, UnitState.REVIEW, UnitState.DRAFT} <= states
    assert Unit.objects.filter(state=UnitState.OUTDATED, critical=True).exists()
    assert TranslationRequest.objects.open().count() >= 3
    _codes, rows = overview.build()
    cells = {cell.state for row in rows for cell in row.cells}
    assert {"published", "outdated", "review", "missing", "progress"} <= cells


def test_the_arabic_cpr_page_shows_the_outdated_notice(demo_site, client):
    html = client.get("/ar/adresse-og-cpr-nummer/").content.decode()

    assert "notice--outdated" in html
    assert 'href="/da/adresse-og-cpr-nummer/"' in html


def test_loading_the_demo_again_changes_no_unit(demo_site):
    before = sorted(Unit.objects.values_list("pk", "state", "version", "target_text"))
    requests = TranslationRequest.objects.count()

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(Unit.objects.values_list("pk", "state", "version", "target_text")) == before
    assert TranslationRequest.objects.count() == requests
