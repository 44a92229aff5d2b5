"""Deciding `lang` and `dir` for names in other scripts, conservatively."""

from names.scripts import language_runs, script_language
from public.templatetags.scripts import lang_runs, name_attrs


def test_hangul_is_korean_and_kana_is_japanese():
    assert script_language("민주사회를 위한 변호사모임") == "ko"
    assert script_language("日本ウイグル協会") == "ja"


def test_scripts_shared_by_many_languages_get_no_lang():
    assert script_language("Московская Хельсинкская группа") == ""
    assert script_language("مرصد الصحراء للسلم") == ""
    assert script_language("台灣南社") == ""
    assert script_language("Amnesty International") == ""


def test_mixed_names_mark_only_the_decisive_run():
    assert language_runs("チベット問題を考える会 Japan Committee for Tibet") == [
        ("チベット問題を考える会", "ja"),
        (" Japan Committee for Tibet", ""),
    ]
    assert str(lang_runs("香港黎明, Dawn of Hong Kong, 香港の夜明け")) == (
        '香港黎明, Dawn of Hong Kong, <span lang="ja">香港の夜明け</span>'
    )


def test_right_to_left_names_get_dir_rtl():
    assert str(name_attrs("مرصد الصحراء")) == ' dir="rtl"'
    assert str(name_attrs("日本ウイグル協会")) == ' lang="ja"'
    assert str(name_attrs("Amnesty International")) == ""


def test_lang_runs_escapes_html():
    assert (
        str(lang_runs("<b>Group</b> & 会える"))
        == '&lt;b&gt;Group&lt;/b&gt; &amp; <span lang="ja">会える</span>'
    )
