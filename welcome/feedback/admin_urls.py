from django.urls import path

from . import admin_views

app_name = "feedback_admin"

urlpatterns = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/assign/", admin_views.assign, name="assign"),
    path("<int:pk>/handled/", admin_views.mark_handled, name="handled"),
    path("<int:pk>/challenge/", admin_views.make_challenge, name="challenge"),
    path(
        "<int:pk>/translation/",
        admin_views.make_translation_request,
        name="translation_request",
    ),
    path("demand/", admin_views.demand_report, name="demand"),
]
