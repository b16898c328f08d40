from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from welcome.languages import analysis, links, registry

from . import pagecache, restrictions
from .translatable import SynchronisedField, TranslatableField


class BasePage(Page):
    """Shared by every public page type: translation policy, search text, language links."""

    translation_fields = (
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronisedField("slug"),
        SynchronisedField("show_in_menus"),
    )

    # Fields (or block values) whose text a reader can search, besides the title.
    search_text_fields = ()
    # The field that sums the page up when search_description is empty.
    summary_field = None

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title_words", boost=3),
        index.SearchField("search_body_words"),
    ]

    class Meta:
        abstract = True

    @property
    def content_language(self):
        """The :class:`~welcome.languages.info.Language` this page is written in."""
        return registry.get(self.locale.language_code)

    def search_title_words(self):
        return analysis.analyse(self.title, self.content_language.code)

    def search_body_words(self):
        return analysis.analyse(self.search_text(), self.content_language.code)

    def search_text(self):
        """Plain text of the searchable fields, for the index and for result snippets."""
        parts = [self.search_description]
        for name in self.search_text_fields:
            value = getattr(self, name)
            field = self._meta.get_field(name)
            if hasattr(field, "get_searchable_content"):
                parts.extend(field.get_searchable_content(value))
            else:
                parts.append(str(value or ""))
        return " ".join(strip_tags(part) for part in parts if part)

    def summary(self):
        """One or two sentences about the page: meta description and search results."""
        return self.search_description or (
            getattr(self, self.summary_field) if self.summary_field else ""
        )

    def get_view_restrictions(self):
        """Wagtail checks restrictions on every serve (two queries); most pages have none in their
        ancestry, which a cached set of restricted paths answers without the database."""
        if self.alias_of_id or restrictions.may_be_restricted(self.path):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = links.for_page(request, self) if self.pk else []
        # The languages this page exists in, kept with the cached page for demand counting.
        pagecache.add_metadata(
            request,
            available=[link.language.code for link in context["language_links"] if link.exists],
        )
        return context
