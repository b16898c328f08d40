"""Over the rate limit, an Arabic reader gets the 429 page in Arabic (right to left)."""

from django.test import override_settings

from welcome.feedback.models import Feedback

from ..html import interface_html


@override_settings(WELCOME_FEEDBACK_RATE_LIMIT=3)
def test_over_the_rate_limit_the_reader_gets_a_429_page_in_their_language(send, translated_site):
    arabic_topic = translated_site["ar"][1]
    for _ in range(3):
        assert send(arabic_topic.pk, language="ar").status_code == 200

    response = send(arabic_topic.pk, language="ar")

    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert interface_html("Too many messages", "ar") in html
    assert response["Retry-After"] == "600"
    assert Feedback.objects.count() == 3
