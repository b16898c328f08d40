import pytest
from wagtail.models import PageViewRestriction

from ..factories import TopicPageFactory, publish

pytestmark = pytest.mark.django_db


def test_a_private_page_and_its_children_stay_private(client, topic):
    child = publish(TopicPageFactory(parent=topic, title="Under", slug="under"))
    assert client.get("/da/cpr/under/").status_code == 200  # no restriction yet (and cached set)

    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)

    for path in ("/da/cpr/", "/da/cpr/under/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert child.title not in client.get("/da/cpr/under/", follow=True).content.decode()


def test_a_password_restriction_asks_for_the_password(client, topic):
    PageViewRestriction.objects.create(
        page=topic, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
    )

    response = client.get("/da/cpr/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert topic.intro not in response.content.decode()
