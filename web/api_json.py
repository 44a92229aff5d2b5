"""The shapes of the JSON API: lists are `{"count", "next", "previous", "results"}`, every object
carries its `type`, its `api_url` and, when it has a page, its `url`; errors are
`{"error", "status"}`; every answer is UTF-8 JSON that says so."""

from django.http import JsonResponse

JSON_TYPE = "application/json; charset=utf-8"
STATUS_MESSAGES = {
    400: "The request could not be understood.",
    403: "This is not allowed.",
    404: "There is nothing at this address.",
    405: "This API is read-only: use GET or HEAD.",
    500: "Something went wrong on our side. It has been logged.",
}


def api_json(data: dict, *, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data, status=status, content_type=JSON_TYPE, json_dumps_params={"ensure_ascii": False}
    )


def api_error(status: int, message: str = "") -> JsonResponse:
    message = message or STATUS_MESSAGES.get(status, "The request failed.")
    return api_json({"error": message, "status": status}, status=status)


def api_list(results: list, *, count: int | None = None, next_url=None, previous_url=None, **extra):
    """The one shape of every list: count, next, previous, results (then any extra keys)."""
    return {
        "count": len(results) if count is None else count,
        "next": next_url,
        "previous": previous_url,
        "results": results,
        **extra,
    }
