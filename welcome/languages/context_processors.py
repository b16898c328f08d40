from django.utils.functional import SimpleLazyObject

from . import links, registry


def languages(request):
    """Language facts for every template.

    ``current_language``: the reader's language (``<html lang dir>``, interface text);
    ``content_language``: the language the content is shown in (differs on a fallback);
    ``fallback``: a :class:`~welcome.languages.fallback.Fallback` when the page is shown in another
    language than the reader asked for;
    ``language_links``: picker links for views that are not pages (pages set their own).
    """
    current = registry.current()
    fallback = getattr(request, "welcome_fallback", None)
    return {
        "current_language": current,
        "content_language": fallback.shown if fallback else current,
        "fallback": fallback,
        "language_links": SimpleLazyObject(lambda: links.for_path(request)),
    }
