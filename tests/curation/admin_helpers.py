"""Helpers of the admin tests: post a change form as a browser would, run an action (no tests here)."""

import re

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

REASON = "Confirmed on the organisation's own website."


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def form_data(response) -> dict:
    """What the browser would post back from an admin change form, unchanged."""
    data = {}

    def put(form):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            value = getattr(value, "pk", value)
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        put(formset.management_form)
        for form in formset.forms:
            put(form)
    return data


# The signatory form asks one reason per kind of change (curation/admin/signatories.py).
REASON_FIELDS = ["reason_name", "reason_details", "reason_note", "reason_slug", "reason_aliases"]


def every_reason(reason: str) -> dict:
    return dict.fromkeys(REASON_FIELDS, reason)


def post_change(client, obj, **changes):
    page = client.get(change_url(obj))
    assert page.status_code == 200
    data = form_data(page) | {"reason": REASON} | every_reason(REASON) | changes
    return client.post(change_url(obj), data)


def run_action(client, model, action: str, objects, **confirm):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    data = {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects]}
    page = client.post(url, data)
    if not confirm:
        return page
    return client.post(url, data | {"confirmed": "yes"} | confirm)


def inline_script_or_style(html: str) -> list[str]:
    """Anything the site's CSP (script-src 'self', style-src 'self') would block."""
    return (
        re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        + re.findall(r"<style\b", html)
        + re.findall(r"\sstyle=", html)
        + re.findall(r"\son[a-z]+=", html)
    )


def merge_on_screen(client, survivor, merged, *, name: str = "", reason: str = REASON):
    """Post the merge screen as a curator would: keep `survivor`, show `name` (or its own)."""
    return client.post(
        reverse("admin:signatories_signatory_merge"),
        {
            "a": merged.pk,
            "b": survivor.pk,
            "survivor": survivor.pk,
            "name": name or survivor.name,
            "other_name": "",
            "reason": reason,
            "evidence_url": "",
        },
    )
