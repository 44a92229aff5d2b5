"""Honest answers: the API says how each result matched, and neither it nor the directory says
that a signatory matches when none is named as typed. Real seed names, both backends."""

import re

from django.urls import reverse

URL = reverse("signatories:list")


def api(client, q: str) -> dict:
    return client.get("/api/signatories", {"q": q}).json()


def matches(client, q: str) -> list[tuple[str, str]]:
    return [(row["name"], row["match"]) for row in api(client, q)["results"]]


def heading(response) -> str:
    page = response.content.decode()
    found = re.search(r'<h2 id="results-title"[^>]*>(.*?)</h2>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_each_api_result_says_how_it_matched(client, seeded):
    assert matches(client, "Human Rights Watch")[0] == ("Human Rights Watch", "exact")
    assert matches(client, "CHRD")[0] == ("Chinese Human Rights Defenders (CHRD)", "alias")
    assert matches(client, "hrw")[0] == ("Human Rights Watch", "alias")  # its initials
    assert matches(client, "rights watch")[0] == ("Human Rights Watch", "all words")
    assert matches(client, "Intl Campaign for Tibet")[0] == (
        "International Campaign for Tibet",
        "all words",
    )
    assert matches(client, "Huamn Rights Wacth")[0] == ("Human Rights Watch", "typo")
    assert matches(client, "Human Rights Watch China")[0] == ("Human Rights Watch", "some words")


def test_results_found_without_some_words_name_the_words_each_lacks(client, seeded):
    data = api(client, "Saint Petersburg Human Rights Council")
    assert data["words_left_out"] == ["human", "rights", "council"]
    first = data["results"][0]
    assert first["name"] == "Правозащитный совет Санкт-Петербурга"
    assert (first["match"], first["words_missing"]) == (
        "some words",
        ["human", "rights", "council"],
    )
    assert api(client, "Human Rights Watch")["results"][0]["words_missing"] == []
    assert api(client, "")["results"][0]["match"] is None  # no query, no match to describe


def test_names_that_did_not_sign_find_nothing_or_only_closest_names(client, seeded):
    for q in ["Greenpeace", "Oxfam", "Medecins sans Frontieres", "Oxfam International"]:
        results = api(client, q)["results"]
        assert all(row["match"] == "some words" for row in results), q
        response = client.get(URL, {"q": q})
        assert heading(response) == f"No signatory is named {q}", q


def test_the_directory_never_says_a_signatory_matches_when_none_is_named_so(client, seeded):
    response = client.get(URL, {"q": "Saint Petersburg Human Rights Council"})
    assert heading(response) == "No signatory is named Saint Petersburg Human Rights Council"
    page = response.content.decode()
    assert "Closest names, without <q>human</q>, <q>rights</q> or <q>council</q>" in page
    assert "Правозащитный совет Санкт-Петербурга" in page
    typo = client.get(URL, {"q": "Huamn Rights Wacth"})
    assert heading(typo) == "No signatory is named Huamn Rights Wacth"
    assert "Closest names, spelled differently" in typo.content.decode()
    named = client.get(URL, {"q": "Human Rights Watch"})
    assert heading(named) == "1 signatory matches Human Rights Watch"


def test_a_close_match_that_lacks_a_short_word_of_the_query_names_it_as_missing(client, seeded):
    # "hk" is too short to be required of a close match: Hong Kong Watch has it (its initials),
    # People's Watch has "watch" only, and says so.
    first, second = api(client, "hk watch")["results"][:2]
    assert (first["name"], first["words_missing"]) == ("Hong Kong Watch", [])
    assert (second["name"], second["match"], second["words_missing"]) == (
        "People’s Watch",
        "some words",
        ["hk"],
    )


def test_a_short_word_rarer_than_the_others_is_kept_when_words_are_left_out(client, seeded):
    # "pen" is rarer among the names than "international": PEN America is the closest name.
    data = api(client, "PEN International")
    assert data["words_left_out"] == ["international"]
    assert data["results"][0]["name"] == "PEN America"
    assert heading(client.get(URL, {"q": "Freedom Now"})) == "No signatory is named Freedom Now"
