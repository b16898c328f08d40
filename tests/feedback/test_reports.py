"""The report "Where readers miss their language" (chart, table, CSV) and the officers' overview
on the dashboard (coverage, outdated translations, open feedback, most-missed languages)."""

import csv
import io

import pytest
from django.utils import timezone

from tests.factories import TopicPageFactory, publish, translate
from welcome.feedback.charts import Bar, bar_chart
from welcome.feedback.models import Feedback, Kind, PageDemand


def missed(page, language, amount, source="missed_header"):
    PageDemand.objects.create(
        day=timezone.localdate(),
        translation_key=page.translation_key,
        language=language,
        **{source: amount},
    )


def test_the_report_ranks_pages_and_languages_with_a_chart_and_a_table(admin_client, topic, home):
    missed(topic, "ps", 9)
    missed(home, "ti", 4, "missed_picker")

    html = admin_client.get("/admin/feedback/demand/").content.decode()

    assert '<svg class="chart" id="missed-chart" role="img"' in html
    assert '<title id="missed-chart-title">Most missed (page, language) pairs</title>' in html
    table = html[html.index("Pages and languages ranked by missed demand") :]
    assert table.index("Pashto (ps)") < table.index("Tigrinya (ti)")
    assert "<td>9</td>" in table


def test_the_report_exports_csv(admin_client, topic, home):
    missed(topic, "ps", 9)
    missed(home, "ar", 2, "missed_cookie")

    response = admin_client.get("/admin/feedback/demand/?days=7&format=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="missed-languages-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Page", "Page id", "Language code", "Language", "Missed"]
    assert [(row[0], row[2], row[4]) for row in rows[1:]] == [
        (topic.title, "ps", "9"),
        (home.title, "ar", "2"),
    ]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(admin_client, home):
    page = publish(TopicPageFactory(parent=home, title="=HYPERLINK(1)", slug="formel"))
    missed(page, "ar", 1)
    response = admin_client.get("/admin/feedback/demand/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("start", ["\t", "\r"])
def test_a_title_starting_with_a_tab_or_return_is_quoted_too(admin_client, home, start):
    page = publish(TopicPageFactory(parent=home, title=f"{start}=HYPERLINK(1)", slug="formel"))
    missed(page, "ar", 1)
    response = admin_client.get("/admin/feedback/demand/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == f"'{start}=HYPERLINK(1)"


def test_chart_labels_are_escaped():
    svg = bar_chart("c", "Title <b>", "Desc", [Bar("<script>x</script>", 3, "3")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg


def test_the_dashboard_shows_the_officers_overview(admin_client, home, topic):
    translate(home, "ar")
    arabic = translate(topic, "ar")
    Feedback.objects.create(page=arabic, language="ar", content_language="ar", kind=Kind.HELPFUL)
    missed(topic, "so", 5)

    html = admin_client.get("/admin/").content.decode()

    overview = html[html.index("officers-overview-section") :]
    assert '<svg class="chart" id="coverage-chart" role="img"' in overview
    # Two Danish pages: both translated into Arabic, none into Urdu.
    assert "2 of 2" in overview and "0 of 2" in overview
    assert "No translation misses a critical change of its Danish source." in overview
    assert "1 open item in the inbox" in overview
    assert '<svg class="chart" id="overview-missed-chart"' in overview
    assert "Somali (so)" in overview


def test_editors_without_feedback_rights_do_not_see_the_overview(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "officers-overview-section" not in client.get("/admin/").content.decode()
