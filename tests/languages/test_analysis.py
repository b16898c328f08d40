from welcome.languages.analysis import MAX_QUERY_WORDS, analyse, analyse_query, words


def test_danish_inflections_meet_the_same_stem():
    assert words("læge lægen lægerne", "da") == ["læg", "læg", "læg"]
    assert words("Sundhedskortet", "da") == words("sundhedskort", "da")


def test_arabic_diacritics_and_the_definite_article_meet_the_same_stem():
    assert words("الصحيةُ", "ar") == words("الصحية", "ar")
    assert words("المدرسة", "ar") == words("مدرسة", "ar")
    assert words("الطبيب", "ar") == words("طبيب", "ar")


def test_languages_without_a_stemmer_are_normalised_only():
    assert analyse("ڈاکٹر سے ملاقات", "ur") == "ڈاکٹر سے ملاقات"
    assert analyse("Dhakhtarka", "so") == "dhakhtarka"


def test_queries_are_bounded_and_deduplicated():
    assert analyse_query("læge lægen LÆGE", "da") == ["læg"]
    assert len(analyse_query(" ".join(f"ord{n}" for n in range(5000)), "da")) == MAX_QUERY_WORDS
    assert analyse_query("*&^%$ ;;; ''", "da") == []
