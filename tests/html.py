"""Reading rendered pages the way a reader's browser would, for assertions."""

from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.html import escape


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_attrs(response):
    root = soup(response).html
    return root.get("lang"), root.get("dir")


def picker_links(response):
    return soup(response).select(".language-picker a")


def text(response):
    return " ".join(soup(response).get_text(" ").split())


def interface(msgid, language, **params):
    """An interface string as a reader of ``language`` sees it (``msgid`` is the source string)."""
    with translation.override(language):
        text = translation.gettext(msgid)
    return text % params if params else text


def interface_html(msgid, language, **params):
    """``interface`` as it appears in a page's HTML (escaped); ``msgid`` may be a lazy string."""
    return escape(interface(str(msgid), language, **params))


def interface_plural(singular, plural, count, language, **params):
    with translation.override(language):
        text = translation.ngettext(singular, plural, count)
    return text % {"counter": count, **params}
