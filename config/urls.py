"""Root URL configuration."""

from django.contrib import admin
from django.urls import include, path

from web.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("public.api_urls")),
    path("", include("public.signatory_urls")),
    path("", include("public.letter_urls")),
    path("", include("public.correction_urls")),
]

handler400 = "web.errors.bad_request"
handler403 = "web.errors.permission_denied"
handler404 = "web.errors.page_not_found"
handler500 = "web.errors.server_error"
