"""Given names come from the packaged public statistics, not a hand list."""

from reader.quotes.firstnames import first_name_gender, is_given_name


def test_common_given_names_carry_their_usual_gender():
    assert first_name_gender("Margaret") == "f"
    assert first_name_gender("Marisol") == "f"
    assert first_name_gender("Kenneth") == "m"
    assert first_name_gender("Dewayne") == "m"


def test_a_name_given_to_boys_and_girls_alike_is_a_name_of_no_gender():
    assert is_given_name("Jordan") and first_name_gender("Jordan") == ""


def test_words_the_lexicon_knows_are_not_given_names():
    # The statistics hold babies named June, Judge and Baker; the lexicon
    # knows them as a month, a title and a trade.
    for word in ("June", "Judge", "Baker", "Sunday", "Major"):
        assert not is_given_name(word), word


def test_only_a_capitalised_word_of_letters_is_a_name():
    assert is_given_name("Dana")
    assert not is_given_name("dana")
    assert not is_given_name("Don’t")
    assert not is_given_name("Zebulahqx")
