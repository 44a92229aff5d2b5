"""Root URL configuration."""

from django.contrib import admin
from django.urls import include, path

from web.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("config.api_urls")),
    path("", include("signatories.urls")),
    path("", include("letters.urls")),
    path("", include("curation.urls")),
]

handler400 = "web.errors.bad_request"
handler403 = "web.errors.permission_denied"
handler404 = "web.errors.page_not_found"
handler500 = "web.errors.server_error"
