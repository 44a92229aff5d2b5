"""Synthetic, realistic multilingual organisation names for the search benchmark (no downloads).

Names are built from the word lists below and from place names made of syllables, in the mix a
large international sign-on list has: English, French, Spanish, Portuguese, German, Vietnamese
and Polish (with their accents), Russian (Cyrillic), Chinese, Japanese and Arabic. Some carry an
acronym in brackets; some get a second, damaged reading (lost spaces, stripped accents) the way
copied lists do. A third of the Russian and of the purely Chinese names carry a curated English
alias ("Gusiogo Committee Against Torture"), as the archive ships for names printed only in another
script. The same seed always gives the same names.
"""

from __future__ import annotations

import random
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from anyascii import anyascii

LATIN_SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mo",
    "la",
    "ne",
    "sa",
    "vi",
    "do",
    "ru",
    "be",
    "lo",
    "ta",
    "mi",
    "go",
    "ra",
    "no",
    "se",
    "ki",
    "ba",
    "du",
    "le",
    "ma",
    "po",
    "si",
    "va",
    "te",
    "lu",
    "na",
    "ko",
    "pe",
    "di",
    "ro",
    "sa",
    "fa",
    "gu",
    "ni",
    "ze",
    "ho",
    "ja",
    "wa",
    "ya",
    "cha",
    "sha",
    "tri",
    "bra",
    "kle",
    "dro",
    "vin",
    "mar",
    "tor",
    "sol",
    "ber",
    "gen",
    "lin",
    "dal",
    "mon",
    "cas",
    "fer",
    "gar",
    "hal",
    "jor",
    "kam",
    "lem",
    "mor",
    "nor",
    "pal",
    "quin",
    "ros",
    "sel",
    "tam",
    "ul",
    "ven",
    "wil",
    "zan",
]
LATIN_ENDINGS = ["", "", "ia", "a", "o", "en", "burg", "ville", "pur", "stan", "land", "ova"]
CYRILLIC_SYLLABLES = [
    "ка",
    "ри",
    "то",
    "мо",
    "ла",
    "не",
    "са",
    "ви",
    "до",
    "ру",
    "бе",
    "ло",
    "та",
    "ми",
    "го",
    "ра",
    "но",
    "се",
    "ки",
    "ба",
    "ду",
    "ле",
    "ма",
    "по",
    "си",
    "ва",
    "те",
    "лу",
    "на",
    "ко",
    "пе",
    "ди",
    "ро",
    "фа",
    "гу",
    "ни",
    "зе",
    "хо",
    "ча",
    "ша",
    "три",
    "бра",
    "кле",
    "дро",
    "вин",
    "мар",
    "тор",
    "сол",
    "бер",
    "ген",
    "лин",
    "дал",
    "мон",
]
CJK_PLACE_CHARS = "北南東西中山川河海湖江台灣香港京州城安平新天光明华華民福德永和長春"
KATAKANA_SYLLABLES = [
    "ア",
    "イ",
    "ウ",
    "エ",
    "オ",
    "カ",
    "キ",
    "ク",
    "ケ",
    "コ",
    "サ",
    "シ",
    "ス",
    "セ",
    "ソ",
    "タ",
    "チ",
    "ツ",
    "テ",
    "ト",
    "ナ",
    "ニ",
    "ヌ",
    "ネ",
    "ノ",
    "マ",
    "ミ",
    "ム",
    "メ",
    "モ",
    "ラ",
    "リ",
    "ル",
    "レ",
    "ロ",
]
ARABIC_PLACES = [
    "القاهرة",
    "الرباط",
    "تونس",
    "بيروت",
    "عمان",
    "الخرطوم",
    "دمشق",
    "بغداد",
    "صنعاء",
    "الجزائر",
    "طرابلس",
    "نواكشوط",
    "الدوحة",
    "الصحراء",
    "الأطلس",
    "النيل",
    "الخليج",
    "المغرب",
    "المشرق",
    "سيناء",
]

ENGLISH = {
    "topic": [
        "Human Rights",
        "Democracy",
        "Justice",
        "Peace",
        "Freedom",
        "Civil Liberties",
        "Press Freedom",
        "Women's Rights",
        "Children's Rights",
        "Indigenous Peoples",
        "Labour Rights",
        "Religious Freedom",
        "Refugees",
        "Environmental Justice",
        "Rule of Law",
        "Transparency",
        "Solidarity",
        "Development",
        "Education",
        "Health",
        "Tibet",
        "Uyghur",
        "Hong Kong",
        "Minority Rights",
        "Torture Prevention",
        "Media",
    ],
    "org": [
        "Association",
        "Foundation",
        "Council",
        "Network",
        "Alliance",
        "Coalition",
        "Centre",
        "Center",
        "Institute",
        "Committee",
        "Society",
        "Union",
        "Federation",
        "Initiative",
        "Project",
        "Forum",
        "Watch",
        "League",
        "Movement",
        "Trust",
        "Group",
        "Campaign",
    ],
    "adjective": [
        "International",
        "National",
        "Regional",
        "Global",
        "Independent",
        "Asian",
        "African",
        "European",
        "Pacific",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Youth",
        "Women's",
        "Lawyers'",
        "Citizens'",
        "People's",
        "United",
        "Free",
        "New",
    ],
}
FRENCH = {
    "org": ["Association", "Fédération", "Comité", "Société", "Ligue", "Réseau", "Collectif",
            "Mouvement", "Coalition", "Observatoire", "Centre", "Institut"],
    "topic": ["des Droits de l’Homme", "pour la Démocratie", "contre la Torture",
              "des Défenseurs des Droits Humains", "pour la Liberté de la Presse",
              "pour l’Égalité", "des Femmes Juristes", "pour la Paix et la Sécurité",
              "de Défense des Libertés", "pour l’Éducation et la Santé"],
}  # fmt: skip
SPANISH = {
    "org": ["Fundación", "Asociación", "Comisión", "Centro", "Red", "Observatorio", "Coalición",
            "Movimiento", "Acción", "Corporación", "Colectivo", "Instituto"],
    "topic": ["de Derechos Humanos", "para la Justicia y la Paz", "por la Democracia",
              "de Educación Popular", "para la Niñez y la Adolescencia", "de Mujeres Indígenas",
              "por la Libertad de Expresión", "de Acción Solidaria", "de Defensa Pública",
              "para el Debido Proceso"],
}  # fmt: skip
PORTUGUESE = {
    "org": ["Associação", "Fundação", "Conselho", "Comissão", "Instituto", "Movimento",
            "Coletivo", "Centro", "Rede"],
    "topic": ["de Direitos Humanos", "pela Democracia", "de Justiça e Paz", "de Mulheres",
              "pela Liberdade de Imprensa", "de Educação Cidadã", "dos Povos Indígenas"],
}  # fmt: skip
GERMAN = {
    "org": ["Verein", "Gesellschaft", "Stiftung", "Bündnis", "Arbeitskreis", "Initiative",
            "Netzwerk", "Zentrum", "Komitee"],
    "topic": ["für Menschenrechte", "für bedrohte Völker", "für Demokratie und Frieden",
              "für sozial-ökologischen Wandel", "gegen Folter", "für Pressefreiheit",
              "für Flüchtlingshilfe", "für Grundrechte"],
}  # fmt: skip
VIETNAMESE = {
    "org": ["Hội", "Liên Đoàn", "Mạng Lưới", "Ủy Ban", "Trung Tâm", "Phong Trào"],
    "topic": ["Nhân Quyền", "Dân Chủ", "Công Giáo", "Tự Do Báo Chí", "Phụ Nữ", "Thanh Niên",
              "Công Lý và Hòa Bình"],
}  # fmt: skip
POLISH = {
    "org": ["Stowarzyszenie", "Fundacja", "Komitet", "Towarzystwo", "Sieć", "Związek"],
    "topic": ["Praw Człowieka", "na rzecz Demokracji", "Obrony Wolności Słowa",
              "Pomocy Uchodźcom", "Równości Kobiet", "Przeciw Torturom"],
}  # fmt: skip
RUSSIAN = {
    "org": ["Общество", "Фонд", "Комитет", "Центр", "Союз", "Сеть", "Движение", "Ассоциация",
            "Правозащитный центр", "Хельсинкская группа", "Правозащитный совет"],
    "topic": ["защиты прав человека", "содействия демократии", "гражданского содействия",
              "помощи беженцам", "против пыток", "свободы слова", "поддержки ЛГБТ",
              "информации и анализа", "памяти и справедливости"],
}  # fmt: skip
CHINESE = {
    "org": ["人權協會", "民主促進會", "公義團契", "人权观察", "法律援助中心", "自由協會",
            "公民社會聯盟", "勞工權益中心", "民主陣線", "支援香港協會", "客社", "南社"],
}  # fmt: skip
JAPANESE = {
    "org": ["問題を考える会", "協会", "人権財団", "を支援する会", "の会", "研究フォーラム",
            "ネットワーク", "連絡会議"],
    "topic": ["チベット", "ウイグル", "香港", "モンゴル", "人権", "難民", "民主化"],
}  # fmt: skip
ARABIC = {
    "org": ["جمعية", "مرصد", "مركز", "منظمة", "شبكة", "هيئة", "رابطة", "المؤسسة"],
    "topic": ["لحقوق الإنسان", "للسلم والديمقراطية", "للدفاع عن الحريات", "لمناهضة التعذيب",
              "للعدالة الانتقالية", "لحرية الصحافة", "للتنمية والمواطنة"],
}  # fmt: skip


# English names for the Russian and Chinese parts above, for the curated aliases.
RUSSIAN_IN_ENGLISH = {
    "Общество": "Society", "Фонд": "Foundation", "Комитет": "Committee", "Центр": "Centre",
    "Союз": "Union", "Сеть": "Network", "Движение": "Movement", "Ассоциация": "Association",
    "Правозащитный центр": "Human Rights Centre", "Хельсинкская группа": "Helsinki Group",
    "Правозащитный совет": "Human Rights Council",
    "защиты прав человека": "for the Protection of Human Rights",
    "содействия демократии": "for Democracy Assistance", "гражданского содействия":
    "for Civic Assistance", "помощи беженцам": "for Refugee Aid", "против пыток":
    "Against Torture", "свободы слова": "for Free Speech", "поддержки ЛГБТ": "for LGBT Support",
    "информации и анализа": "for Information and Analysis",
    "памяти и справедливости": "for Memory and Justice",
}  # fmt: skip
CHINESE_IN_ENGLISH = {
    "人權協會": "Human Rights Association", "民主促進會": "Democracy Promotion Association",
    "公義團契": "Fellowship of Righteousness", "人权观察": "Human Rights Watch",
    "法律援助中心": "Legal Aid Centre", "自由協會": "Freedom Association",
    "公民社會聯盟": "Civil Society Alliance", "勞工權益中心": "Labour Rights Centre",
    "民主陣線": "Democratic Front", "支援香港協會": "Association for Supporting Hong Kong",
    "客社": "Hakka Society", "南社": "Southern Society",
}  # fmt: skip


@dataclass(frozen=True)
class SyntheticName:
    name: str
    readings: tuple[str, ...]
    language: str
    aliases: tuple[str, ...] = ()


def latin_place(rng: random.Random) -> str:
    syllables = rng.randint(2, 3)
    word = "".join(rng.choice(LATIN_SYLLABLES) for _ in range(syllables))
    return (word + rng.choice(LATIN_ENDINGS)).capitalize()


def cyrillic_place(rng: random.Random) -> str:
    word = "".join(rng.choice(CYRILLIC_SYLLABLES) for _ in range(rng.randint(2, 3)))
    return word.capitalize() + rng.choice(["ская", "ский", "ское", "ская", "ого"])


def cjk_place(rng: random.Random) -> str:
    return "".join(rng.choice(CJK_PLACE_CHARS) for _ in range(rng.randint(2, 3)))


def katakana_word(rng: random.Random) -> str:
    return "".join(rng.choice(KATAKANA_SYLLABLES) for _ in range(rng.randint(3, 5)))


def acronym(name: str) -> str:
    letters = [w[0] for w in name.split() if w[:1].isalpha() and w[0].isupper()]
    return "".join(letters)


def english(rng: random.Random) -> str:
    place, topic, org = latin_place(rng), rng.choice(ENGLISH["topic"]), rng.choice(ENGLISH["org"])
    adjective = rng.choice(ENGLISH["adjective"])
    pattern = rng.randrange(5)
    if pattern == 0:
        name = f"{place} {topic} {org}"
    elif pattern == 1:
        name = f"{adjective} {org} for {topic}"
        name += f" in {place}" if rng.random() < 0.7 else ""
    elif pattern == 2:
        name = f"{org} for {topic} {place}"
    elif pattern == 3:
        name = f"{adjective} {topic} {org} of {place}"
    else:
        name = f"{place} {org}"
    if rng.random() < 0.3 and len(acronym(name)) >= 3:
        name += f" ({acronym(name).upper()})"
    return name


def romance(rng: random.Random, words: dict) -> str:
    name = f"{rng.choice(words['org'])} {rng.choice(words['topic'])}"
    place = latin_place(rng)
    name = f"{name} {rng.choice(['de', 'du', 'en', 'do', 'in'])} {place}"
    if rng.random() < 0.25 and len(acronym(name)) >= 3:
        name += f" ({acronym(name).upper()})"
    return name


def russian(rng: random.Random) -> str:
    org, topic = rng.choice(RUSSIAN["org"]), rng.choice(RUSSIAN["topic"])
    if rng.random() < 0.5:
        return f"{cyrillic_place(rng)} {org.lower()} {topic}"
    return f"{org} {topic} «{cyrillic_place(rng)}»"


def chinese(rng: random.Random) -> str:
    name = cjk_place(rng) + rng.choice(CHINESE["org"])
    if rng.random() < 0.4:
        name += f" {latin_place(rng)} {rng.choice(ENGLISH['topic'])} {rng.choice(ENGLISH['org'])}"
    return name


def japanese(rng: random.Random) -> str:
    topic = rng.choice(JAPANESE["topic"])
    name = f"{topic}{katakana_word(rng)}{rng.choice(JAPANESE['org'])}"
    if rng.random() < 0.4:
        name += f" Japan {rng.choice(ENGLISH['org'])} for {topic_in_english(topic)}"
    return name


def topic_in_english(topic: str) -> str:
    return {"チベット": "Tibet", "ウイグル": "Uyghur", "香港": "Hong Kong"}.get(
        topic, "Human Rights"
    )


def arabic(rng: random.Random) -> str:
    return f"{rng.choice(ARABIC['org'])} {rng.choice(ARABIC_PLACES)} {rng.choice(ARABIC['topic'])}"


GENERATORS = [
    ("en", 40, english),
    ("fr", 10, lambda rng: romance(rng, FRENCH)),
    ("es", 10, lambda rng: romance(rng, SPANISH)),
    ("pt", 4, lambda rng: romance(rng, PORTUGUESE)),
    ("de", 5, lambda rng: romance(rng, GERMAN)),
    ("vi", 3, lambda rng: romance(rng, VIETNAMESE)),
    ("pl", 3, lambda rng: romance(rng, POLISH)),
    ("ru", 9, russian),
    ("zh", 7, chinese),
    ("ja", 5, japanese),
    ("ar", 4, arabic),
]


def english_alias(name: str, language: str) -> str | None:
    """The English name of a Russian or purely Chinese name, place transliterated, for one name
    in three (chosen by the name, so the names themselves do not change); None for the others."""
    if language not in ("ru", "zh") or zlib.crc32(name.encode()) % 3:
        return None
    if language == "ru":
        org = max((o for o in RUSSIAN["org"] if o.lower() in name.lower()), key=len)
        topic = next(t for t in RUSSIAN["topic"] if t in name)
        place = name.split("«")[1].rstrip("»") if "«" in name else name.split()[0]
        return f"{anyascii(place)} {RUSSIAN_IN_ENGLISH[org]} {RUSSIAN_IN_ENGLISH[topic]}"
    if " " in name:  # already carries an English name
        return None
    org = next(o for o in CHINESE["org"] if name.endswith(o))
    return f"{anyascii(name.removesuffix(org)).capitalize()} {CHINESE_IN_ENGLISH[org]}"


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def damaged(rng: random.Random, name: str) -> str:
    """A second reading as a copied list prints it: spaces lost, accents or apostrophes changed."""
    words = name.split(" ")
    kind = rng.randrange(3)
    if kind == 0 and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        return " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2 :])
    if kind == 1:
        return strip_accents(name)
    return name.replace("’", "'").replace("'", "’") if "'" in name or "’" in name else name + ">"


def synthetic_names(count: int, seed: int = 2020) -> Iterator[SyntheticName]:
    """`count` names; the first n are the same whatever the count, so sizes nest."""
    rng = random.Random(seed)
    languages = [language for language, _, _ in GENERATORS]
    weights = [weight for _, weight, _ in GENERATORS]
    makers = {language: make for language, _, make in GENERATORS}
    for _ in range(count):
        language = rng.choices(languages, weights)[0]
        name = makers[language](rng)
        readings = (damaged(rng, name),) if rng.random() < 0.15 else ()
        alias = english_alias(name, language)
        yield SyntheticName(name, readings, language, (alias,) if alias else ())
