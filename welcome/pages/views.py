from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils import translation

from .search import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    results = search_pages(query, translation.get_language()) if query else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    return render(
        request,
        "search/results.html",
        {
            "search_query": query[:200],
            "results": page,
            "result_count": paginator.count,
        },
    )
