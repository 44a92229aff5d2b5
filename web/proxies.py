"""Who the client is when the app sits behind reverse proxies (nginx, a CDN).

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
behind N of them the client is the Nth address from the right; anything further left was sent by
the client and proves nothing. With no trusted proxy (DJANGO_TRUSTED_PROXY_COUNT=0, the default)
the header is ignored and the client is whoever opened the connection.
"""

import ipaddress

from django.conf import settings


def client_ip_address(request) -> str | None:
    """The client's IP address, as django-axes keys its lockouts (AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < count:
        # Not through every proxy (a direct connection): the connecting address is the client.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
