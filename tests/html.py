"""Reading rendered pages the way a reader's browser would, for assertions."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_attrs(response):
    root = soup(response).html
    return root.get("lang"), root.get("dir")


def picker_links(response):
    return soup(response).select(".language-picker a")


def text(response):
    return " ".join(soup(response).get_text(" ").split())
