"""The shared heavy resources: one copy of navec's vocabulary for every slovnet model."""

from __future__ import annotations

from types import SimpleNamespace

from rusnews import resources


def test_the_three_models_read_words_through_navecs_vocabulary() -> None:
    navec = resources.embedding().vocab
    for model in (resources.morph_tagger(), resources.ner_tagger(), resources.syntax_parser()):
        words = model.infer.encoder.words_vocab
        assert words.items is navec.words
        assert words.item_ids is navec.word_ids
        # Encoding is unchanged: a known word and an unknown one.
        assert words.encode("москва") == navec.word_ids["москва"]
        assert words.encode("кварцевыйзнак") == navec.unk_id


def test_a_model_with_other_words_keeps_its_own() -> None:
    navec = resources.embedding().vocab
    own = SimpleNamespace(items=["<unk>", "<pad>"], item_ids={"<unk>": 0, "<pad>": 1})
    model = SimpleNamespace(infer=SimpleNamespace(encoder=SimpleNamespace(words_vocab=own)))
    resources.share_words(model)
    assert own.items == ["<unk>", "<pad>"] and own.items is not navec.words
