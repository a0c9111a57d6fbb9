"""The tagger scales only the rows it gathers: the same emissions as a pre-scaled float table."""

import numpy as np

from newsdesk.models import ner
from newsdesk.models.ner_features import sentence_feature_ids


def test_emissions_equal_prescaled_table():
    tagger = ner.load()
    tokens = "Angela Merkel met officials in Paris on Tuesday , the ministry said .".split()
    got = tagger._emissions_many([tokens, tokens[:5]])
    full = np.vstack([np.zeros((1, len(tagger.tags)), np.float32),
                      tagger.table[1:].astype(np.float32) * float(tagger.scale)])
    flat, lens = [], []
    for toks in (tokens, tokens[:5]):
        for f in sentence_feature_ids(toks, tagger.lexicon, tagger.mask, {}):
            flat += f
            lens.append(len(f))
    rows = tagger._rows(np.array(flat, dtype=np.uint32))
    want = np.add.reduceat(full[rows], np.concatenate([[0], np.cumsum(lens)[:-1]]), axis=0)
    assert got.dtype == np.float32
    assert np.array_equal(got, want)


def test_batch_path_equals_single_path():
    from newsdesk.models.ner import EntityTagger

    tagger = ner.load()
    tokens = "Angela Merkel met officials in Paris on Tuesday .".split()
    fresh = EntityTagger.__new__(EntityTagger)
    fresh.__dict__.update(vars(tagger))
    fresh._words, fresh._looked_up, fresh._scaled, fresh._bucket_rows = None, 0, None, None
    single = fresh._emissions_many([tokens])
    fresh._looked_up = ner._DENSE_AFTER + 1
    batch = fresh._emissions_many([tokens])
    assert fresh._scaled is not None
    assert np.array_equal(single, batch)
