"""slovnet's news models (NER, morphology, syntax) run with their own weights, faster.

slovnet's numpy executor lays activations out channels-first and builds every
convolution by copying a strided window view (im2col): on factRuEval dev that
copy was the largest single cost of the three models. Here the activations stay
channels-last, so a whole padded batch is one contiguous matrix and a width-3
convolution is three matrix products over shifted row ranges of it, with no
copy. Batch norm is folded into one scale and shift, the CRF's Viterbi pass
runs over the whole batch at once, and tags are decoded from ids without
building slovnet's markup records.

The weights, vocabularies and arithmetic are slovnet's; only the order of
float32 additions differs. Scores equal slovnet's within float32 rounding, and
so do the decisions taken from them except at near-ties, which also fall either
way between BLAS kernels of different CPU kinds (tests/stages/slovnet/test_executor.py
states the tolerance and the agreement that hold on factRuEval and NEREL dev).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

Words = Sequence[str]
MAX_CACHED_WORDS = 50_000


class Encoder:
    """slovnet's CNNEncoder (conv → ReLU → batch norm, pads zeroed after each layer),
    channels-last."""

    def __init__(self, cnn) -> None:
        self.layers = []
        for layer in cnn.layers:
            conv, norm = layer.conv, layer.norm
            kernels = np.ascontiguousarray(
                conv.weight.array.transpose(2, 1, 0)
            )  # kernel x in x filters
            scale = norm.weight.array / norm.std.array
            shift = norm.bias.array - norm.mean.array * scale
            self.layers.append((kernels, conv.bias.array, conv.padding, scale, shift))

    def __call__(self, x: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
        batch, length, _ = x.shape
        keep = ~pad_mask[:, :, None]
        for kernels, bias, padding, scale, shift in self.layers:
            width, dim, filters = kernels.shape
            span = length + 2 * padding
            padded = np.zeros((batch, span, dim), dtype=x.dtype)
            padded[:, padding : padding + length] = x
            flat = padded.reshape(batch * span, dim)
            rows = batch * span - width + 1
            out = np.empty((batch * span, filters), dtype=x.dtype)
            # Row b*span + i of the product is output position i of sequence b:
            # rows that straddle two sequences fall in the padding and are dropped.
            live = out[:rows]
            np.matmul(flat[:rows], kernels[0], out=live)
            for k in range(1, width):
                live += flat[k : k + rows] @ kernels[k]
            live += bias
            np.maximum(live, 0, out=live)
            live *= scale
            live += shift
            x = out.reshape(batch, span, filters)[:, : span - width + 1] * keep
        return x


def viterbi(
    emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray
) -> list[np.ndarray]:
    """Best tag path of each sequence under a linear-chain CRF, all sequences stepped together.

    The loop over positions runs in Python, so each step is kept to three
    array operations: transitions and emissions are summed for all steps at
    once, and past its end a sequence steps through a "stay" matrix (0 on the
    diagonal, -inf elsewhere) that keeps its score and tag as they were.
    """
    batch, length, tags = emissions.shape
    if length == 0:
        return [np.zeros(0, dtype=np.intp) for _ in range(batch)]
    steps = emissions[:, 1:, None, :] + transitions  # batch x step x from-tag x to-tag
    stay = np.full((tags, tags), -np.inf, dtype=steps.dtype)
    np.fill_diagonal(stay, 0)
    steps[np.arange(1, length)[None, :] >= lengths[:, None]] = stay
    score = emissions[:, 0]
    history = np.empty((length - 1, batch, tags), dtype=np.intp)
    for t in range(length - 1):
        total = score[:, :, None] + steps[:, t]
        history[t] = total.argmax(1)
        score = total.max(1)
    best = np.empty((batch, length), dtype=np.intp)
    current = score.argmax(-1)
    rows = np.arange(batch)
    for t in range(length - 1, 0, -1):
        best[:, t] = current
        current = history[t - 1][rows, current]
    best[:, 0] = current
    return [best[b, :n] for b, n in enumerate(lengths)]


# A batch is padded to its longest item, and every padded cell costs a full
# row of each convolution. Items come sorted by length (batching.map_sorted);
# a batch ends where the next item is more than SPREAD times longer than its
# first, or would take the batch past MAX_CELLS cells. On factRuEval dev, fed
# 11 articles at a time, that cut the morph model from 0.57 to 0.34 s
# against slovnet's fixed 64 items a batch (1.8 padded cells a token).
SPREAD = 1.1
MAX_CELLS = 4096


def groups(
    lengths: Sequence[int], spread: float = SPREAD, max_cells: int = MAX_CELLS
) -> Iterator[tuple[int, int]]:
    """(start, stop) of consecutive runs of items to batch together."""
    first, longest = 0, 0
    for i, n in enumerate(lengths):
        n = max(n, 1)
        if i > first and (
            n > spread * max(lengths[first], 1) + 2 or (i - first + 1) * max(longest, n) > max_cells
        ):
            yield first, i
            first, longest = i, 0
        longest = max(longest, n)
    if lengths:
        yield first, len(lengths)


# The same words recur across sentences and articles; their ids are looked up
# once, in a table capped so a worker's memory stays flat over a long run.
# natasha's three news models share one embedding vocabulary and one shape
# vocabulary (equal, though separate objects), so they share the table too.
_ID_TABLES: list[tuple[object, object, dict[str, tuple[int, int]]]] = []


def shared_ids(words_vocab, shapes_vocab) -> dict[str, tuple[int, int]]:
    for words, shapes, table in _ID_TABLES:
        if words.items == words_vocab.items and shapes.items == shapes_vocab.items:
            return table
    table: dict[str, tuple[int, int]] = {}
    _ID_TABLES.append((words_vocab, shapes_vocab, table))
    return table


class Net:
    """One slovnet tagger or parser from natasha (`NewsNERTagger` and kin), run batch by batch."""

    def __init__(self, natasha_model) -> None:
        infer = natasha_model.infer
        self.model = infer.model
        self.words_vocab = infer.encoder.words_vocab
        self.shapes_vocab = infer.encoder.shapes_vocab
        self.decoder = infer.decoder
        self.encoder = Encoder(self.model.encoder)
        self.ids = shared_ids(self.words_vocab, self.shapes_vocab)

    def word_ids(self, word: str) -> tuple[int, int]:
        found = self.ids.get(word)
        if found is None:
            found = (
                self.words_vocab.encode(word.lower()),
                self.shapes_vocab.encode(word_shape(word)),
            )
            if len(self.ids) < MAX_CACHED_WORDS:
                self.ids[word] = found
        return found

    def batches(
        self, items: Sequence[Words]
    ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """(word ids, shape ids, pad mask, lengths) for consecutive groups of items (see
        `groups`)."""
        for first, stop in groups([len(words) for words in items]):
            chunk = items[first:stop]
            lengths = np.array([len(words) for words in chunk], dtype=np.intp)
            width = int(lengths.max(initial=0))
            word_id = np.full((len(chunk), width), self.words_vocab.pad_id, dtype=np.intp)
            shape_id = np.full((len(chunk), width), self.shapes_vocab.pad_id, dtype=np.intp)
            for row, words in enumerate(chunk):
                if words:
                    word_id[row, : len(words)], shape_id[row, : len(words)] = zip(
                        *map(self.word_ids, words)
                    )
            pad_mask = np.arange(width)[None, :] >= lengths[:, None]
            yield word_id, shape_id, pad_mask, lengths

    def encode(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
        return self.encoder(self.embed(word_id, shape_id), pad_mask)

    def embed(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """slovnet's WordShapeEmbedding: the navec vector of each word, then its shape's vector.

        navec stores a vector as one centroid id per 3-dimension chunk; one
        `take` over the flattened centroid table decodes all of a batch's
        words, a third of the time of slovnet's broadcast indexing.
        """
        emb = self.model.emb
        codes = emb.word.codes.array  # chunks x centroids x chunk size
        chunks, centroids, width = codes.shape
        rows = (
            emb.word.indexes.array[word_id.ravel()].astype(np.intp) + np.arange(chunks) * centroids
        )
        shape = emb.shape.weight.array
        out = np.empty((word_id.size, chunks * width + shape.shape[1]), dtype=codes.dtype)
        out[:, : chunks * width] = np.take(
            codes.reshape(chunks * centroids, width), rows, axis=0
        ).reshape(word_id.size, chunks * width)
        out[:, chunks * width :] = shape[shape_id.ravel()]
        return out.reshape(*word_id.shape, out.shape[1])


class NerNet(Net):
    # The Viterbi pass steps through positions in Python, so its cost is the
    # number of steps: sequences are decoded VITERBI_ROWS at a time, across the
    # model's batches, not batch by batch. Its step scores take rows x length
    # x 49 floats: 64 windows of 1,000 tokens, 12 MB.
    VITERBI_ROWS = 64

    def __call__(self, items: Sequence[Words]) -> Iterator[list[str]]:
        """BIO tags (`B-PER`, `I-LOC`, `O`) for each pre-tokenized item."""
        vocab = self.decoder.tags_vocab
        transitions = self.model.head.crf.transitions.array
        pending: list[np.ndarray] = []
        for word_id, shape_id, pad_mask, lengths in self.batches(items):
            emissions = self.model.head(self.encode(word_id, shape_id, pad_mask))
            pending.extend(row[:n] for row, n in zip(emissions, lengths.tolist()))
            if len(pending) >= self.VITERBI_ROWS:
                yield from self._decode(pending, transitions, vocab)
                pending = []
        yield from self._decode(pending, transitions, vocab)

    @staticmethod
    def _decode(rows: list[np.ndarray], transitions: np.ndarray, vocab) -> Iterator[list[str]]:
        if not rows:
            return
        lengths = np.array([len(row) for row in rows], dtype=np.intp)
        emissions = np.zeros(
            (len(rows), int(lengths.max()), transitions.shape[0]), dtype=transitions.dtype
        )
        for i, row in enumerate(rows):
            emissions[i, : len(row)] = row
        for path in viterbi(emissions, transitions, lengths):
            yield [vocab.decode(tag) for tag in path.tolist()]


class MorphNet(Net):
    def __init__(self, natasha_model) -> None:
        super().__init__(natasha_model)
        vocab = self.decoder.tags_vocab
        # Each tag id stands for one `POS|Feat=Value|...` string: parse each once.
        self.tags = [parse_conll_tag(vocab.decode(i)) for i in range(len(vocab.items))]

    def __call__(self, items: Sequence[Words]) -> Iterator[list[tuple[str, dict[str, str]]]]:
        """(UD part of speech, features) for each word of each item."""
        for word_id, shape_id, pad_mask, lengths in self.batches(items):
            ids = self.model.head(self.encode(word_id, shape_id, pad_mask)).argmax(-1)
            for row, n in zip(ids, lengths.tolist()):
                yield [self.tags[i] for i in row[:n].tolist()]


class SyntaxNet(Net):
    def __call__(self, items: Sequence[Words]) -> Iterator[list[tuple[int, str]]]:
        """(head, relation) for each word: heads 1-based within the item, 0 for the root."""
        model, rels = self.model, self.decoder.rels_vocab
        for word_id, shape_id, pad_mask, lengths in self.batches(items):
            x = self.encode(word_id, shape_id, pad_mask)
            head_id = model.head.decode(model.head(x), ~pad_mask)
            rel_id = model.rel.decode(model.rel(x, head_id), ~pad_mask)
            for heads, labels, n in zip(head_id, rel_id, lengths.tolist()):
                yield list(zip(heads[:n].tolist(), [rels.decode(r) for r in labels[:n].tolist()]))
