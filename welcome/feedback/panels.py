"""The officers' overview on the Wagtail dashboard: coverage per language, outdated translations,
open feedback and the most-missed languages, each a chart with a table of the same figures."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from . import reports
from .charts import Bar, bar_chart

OVERVIEW_DAYS = 30


class OfficersOverviewPanel(Component):
    name = "officers_overview"
    template_name = "feedback/admin/overview_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        coverage = [
            (code, reports.language_name(code), done, total, _percent(done, total))
            for code, done, total in reports.coverage()
        ]
        start, end = reports.period(OVERVIEW_DAYS)
        missed = [
            (code, reports.language_name(code), total)
            for code, total in reports.missed_by_language(start, end, limit=10)
        ]
        open_feedback = [
            (code, reports.language_name(code), total, newest)
            for code, total, newest in reports.open_feedback_by_language()
        ]
        return {
            "coverage": coverage,
            "coverage_chart": bar_chart(
                "coverage-chart",
                _("Translation coverage per language"),
                _(
                    "Share of published Danish pages with a published translation; the table "
                    "below has the same figures."
                ),
                [Bar(name, percent, f"{percent} %") for _code, name, _d, _t, percent in coverage],
                maximum=100,
            ),
            "outdated": reports.critical_outdated(),
            "open_feedback": open_feedback,
            "open_total": sum(row[2] for row in open_feedback),
            "missed": missed,
            "missed_chart": bar_chart(
                "overview-missed-chart",
                _("Most missed languages, last %(days)s days") % {"days": OVERVIEW_DAYS},
                _(
                    "Readers who wanted a page in a language it did not exist in; the table "
                    "below has the same figures."
                ),
                [Bar(name, total, str(total)) for _code, name, total in missed],
            ),
            "days": OVERVIEW_DAYS,
            "inbox_url": reverse("feedback_admin:inbox"),
            "report_url": reverse("feedback_admin:demand"),
        }


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0
