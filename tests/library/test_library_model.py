"""Two open copies of one library, driven at random, agree with a plain model."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import NotFoundError
from reader.library import Library
from tests.library.articles import make_article

ARTICLES = [make_article(n, body=f"Body {n}.") for n in range(3)]
ops = st.lists(
    st.tuples(
        st.sampled_from([0, 1]),  # which copy acts
        st.sampled_from(["add", "edit", "read", "unread", "bookmark", "unbookmark", "remove"]),
        st.integers(0, len(ARTICLES) - 1),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_two_copies_agree_with_a_model(tmp_path_factory, script):
    path = tmp_path_factory.mktemp("lib")
    copies = [Library.open(path, durable=False), Library.open(path, durable=False)]
    model: dict[str, dict] = {}  # id -> {"read", "bookmarked", "body"}
    for who, op, n in script:
        lib, article = copies[who], ARTICLES[n]
        known = article.id in model
        if op in ("add", "edit"):
            body = "Edited." if op == "edit" else f"Body {n}."
            new = make_article(n, body=body)
            outcome = lib.add(new)
            if not known:
                assert outcome == "imported"
                model[article.id] = {"read": False, "bookmarked": False, "body": body}
            else:
                assert outcome == ("unchanged" if model[article.id]["body"] == body else "updated")
                model[article.id]["body"] = body
            continue
        if not known:
            try:
                getattr(lib, "remove" if op == "remove" else "set_read")(article.id)
            except NotFoundError:
                continue
            raise AssertionError("changing an absent article must raise NotFoundError")
        if op == "remove":
            lib.remove(article.id)
            del model[article.id]
        elif op in ("read", "unread"):
            lib.set_read(article.id, op == "read")
            model[article.id]["read"] = op == "read"
        else:
            lib.set_bookmarked(article.id, op == "bookmark")
            model[article.id]["bookmarked"] = op == "bookmark"
    for lib in [*copies, Library.open(path)]:
        lib.reload()
        seen = {
            e.id: {"read": e.read, "bookmarked": e.bookmarked,
                   "body": lib.get(e.id).paragraphs[0].text}
            for e in lib.list()
        }
        assert seen == model
