"""GET /api/signatories?q= returns the ranked search, best first, page after page."""


def names(client, **params) -> tuple[int, list[str]]:
    data = client.get("/api/signatories", params).json()
    return data["count"], [row["name"] for row in data["results"]]


def test_api_q_puts_the_exact_name_first(client, seeded):
    count, results = names(client, q="hric")
    assert results[0] == "HRIC"
    assert count == len(results)


def test_api_q_orders_by_rank_not_by_name(client, seeded):
    count, results = names(client, q="amnesty")
    assert (count, results) == (
        3,
        [
            "Amnesty International",
            "российское представительство Amnesty International",
            "Amnestie Internationale Canada francophone",
        ],
    )


def test_api_q_keeps_the_ranking_across_pages(client, seeded):
    count, everything = names(client, q="tibet", page_size=50)
    pages = [names(client, q="tibet", page_size=4, page=n)[1] for n in range(1, 5)]
    assert count == 15
    assert [name for page in pages for name in page] == everything
    assert everything[0] == "Free Tibet"


def test_api_q_finds_folded_and_mistyped_names(client, seeded):
    assert names(client, q="lien doan")[1][:1] == ["Liên Đoàn Công Giáo Việt Nam tại Đức"]
    assert names(client, q="moskovskaya")[1][:1] == ["Московская Хельсинкская группа"]
    assert names(client, q="amnesty internatonal")[1][:1] == ["Amnesty International"]


def test_api_q_with_nothing_searchable_is_an_empty_page(client, seeded):
    assert names(client, q="???") == (0, [])


def test_api_q_says_which_words_no_signatory_has_with_the_others(client, seeded):
    data = client.get("/api/signatories", {"q": "human rights watch china"}).json()
    assert [row["name"] for row in data["results"]] == ["Human Rights Watch"]
    assert data["words_left_out"] == ["china"]
    assert client.get("/api/signatories", {"q": "hric"}).json()["words_left_out"] == []
