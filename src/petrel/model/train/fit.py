"""Fine-tune MiniLM on the written corpus: the lower layers frozen and run once (cached), the upper
layers and three heads (type, mode, argument spans) trained jointly with a fixed seed."""

from __future__ import annotations

import logging
import random
from dataclasses import asdict, dataclass

import torch
from torch import nn

from petrel.model.labels import MODE_LABELS, NO_MODE, TYPE_LABELS
from petrel.model.spans import IGNORE, SPAN_TAGS, decode, gold_tags, span_f1
from petrel.model.train.data import SEED, Row, side_spans
from petrel.model.train.encoder import EventNet, load_encoder

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FitSettings:
    seed: int = SEED
    max_len: int = 64
    batch_size: int = 32
    epochs: int = 5
    frozen_layers: int = 0  # embeddings and this many lower layers are not trained (their output is cached)
    lr_encoder: float = 8e-5
    lr_heads: float = 1e-3
    warmup: float = 0.06
    label_smoothing: float = 0.05
    mode_weight: float = 0.5
    # weight of a jointly trained span head's token loss (mean over tagged pieces); 0 = no span head in training
    # (what ships: the span head is grafted on the trained encoder by petrel.model.train.span_probe)
    span_weight: float = 0.0
    threads: int = 1  # one thread: two spin-waiting threads crawl on a busy machine

    def to_dict(self) -> dict:
        return asdict(self)


def tokenizer(max_len: int):  # noqa: ANN201 - tokenizers.Tokenizer
    from tokenizers import Tokenizer

    from petrel.model.train.encoder import base_model_dir

    tk = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tk.enable_truncation(max_len)
    tk.no_padding()
    return tk


class Cached:
    """The frozen part's output for each sentence (no padding), computed once."""

    def __init__(self, net: EventNet, rows: list[Row], settings: FitSettings) -> None:
        tk = tokenizer(settings.max_len)
        encoded = tk.encode_batch([r.text for r in rows])
        self.ids = [torch.tensor(e.ids) for e in encoded]
        self.offsets = [list(e.offsets) for e in encoded]
        self.sides: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = []
        self.tags: list[torch.Tensor] = []
        for r, e in zip(rows, encoded, strict=True):
            source, target, annotated = side_spans(r)
            self.sides.append((source, target) if annotated else (None, None))
            tags = gold_tags(e.offsets, source, target) if annotated else [IGNORE] * len(e.ids)
            self.tags.append(torch.tensor(tags))
        self.annotated = [side_spans(r)[2] for r in rows]
        self.types = torch.tensor([TYPE_LABELS.index(r.type) for r in rows])
        self.modes = torch.tensor([MODE_LABELS.index(r.mode_label) for r in rows])
        self.hidden: list[torch.Tensor] = []
        enc = net.encoder
        enc.eval()
        order = sorted(range(len(rows)), key=lambda i: len(self.ids[i]))
        out: dict[int, torch.Tensor] = {}
        with torch.no_grad():
            for start in range(0, len(order), 64):
                chunk = order[start:start + 64]
                ids, mask = pad([self.ids[i] for i in chunk])
                h = enc.run_layers(enc.embed(ids), mask, 0, settings.frozen_layers)
                for j, i in enumerate(chunk):
                    out[i] = h[j, : len(self.ids[i])].clone()
        self.hidden = [out[i] for i in range(len(rows))]

    def __len__(self) -> int:
        return len(self.ids)

    def batches(self, size: int, rng: random.Random | None) -> list[list[int]]:
        """Index batches of similar length (little padding); shuffled when ``rng`` is given."""
        order = sorted(range(len(self)), key=lambda i: (len(self.ids[i]), i))
        if rng is not None:  # shuffle within windows of similar length, then the batches
            windows = [order[i:i + size * 8] for i in range(0, len(order), size * 8)]
            order = [i for w in windows for i in rng.sample(w, len(w))]
        out = [order[i:i + size] for i in range(0, len(order), size)]
        if rng is not None:
            rng.shuffle(out)
        return out

    def batch(self, idx: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
        width = max(self.hidden[i].shape[0] for i in idx)
        h = torch.zeros(len(idx), width, self.hidden[idx[0]].shape[1])
        mask = torch.zeros(len(idx), width, dtype=torch.long)
        for j, i in enumerate(idx):
            n = self.hidden[i].shape[0]
            h[j, :n] = self.hidden[i]
            mask[j, :n] = 1
        return h, mask

    def tag_batch(self, idx: list[int], width: int) -> torch.Tensor:
        """Gold span tags of ``idx``, padded with :data:`IGNORE` to ``width`` pieces."""
        out = torch.full((len(idx), width), IGNORE, dtype=torch.long)
        for j, i in enumerate(idx):
            out[j, : len(self.tags[i])] = self.tags[i]
        return out


def pad(seqs: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), width, dtype=torch.long)
    mask = torch.zeros(len(seqs), width, dtype=torch.long)
    for j, s in enumerate(seqs):
        ids[j, : len(s)] = s
        mask[j, : len(s)] = 1
    return ids, mask


def logits(net: EventNet, data: Cached, idx: list[int], frozen: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
    h, mask = data.batch(idx)
    tokens = net.encoder.run_layers(h, mask, frozen)
    return (*net.heads(net.encoder.pool(tokens, mask)), net.tags(tokens))


def predict(net: EventNet, data: Cached, settings: FitSettings) -> tuple[torch.Tensor, torch.Tensor, list]:
    """Type and mode probabilities for every row of ``data``, in order, and each row's span-tag
    probabilities (``pieces x tags``, numpy)."""
    net.eval()
    types = torch.zeros(len(data), len(TYPE_LABELS))
    modes = torch.zeros(len(data), len(MODE_LABELS))
    spans: list = [None] * len(data)
    with torch.no_grad():
        for idx in data.batches(64, None):
            t, m, s = logits(net, data, idx, settings.frozen_layers)
            types[idx] = t.softmax(-1)
            modes[idx] = m.softmax(-1)
            if s is None:
                continue
            probs = s.softmax(-1)
            for j, i in enumerate(idx):
                spans[i] = probs[j, : len(data.ids[i])].numpy()
    return types, modes, spans


def span_scores(data: Cached, spans: list) -> dict[str, dict]:
    """Span exact / overlap F1 for source and target over the annotated rows of ``data``."""
    rows = [i for i in range(len(data)) if data.annotated[i]]
    decoded = {i: decode(spans[i], data.offsets[i]) for i in rows}
    return {side: span_f1([data.sides[i][k] for i in rows], [decoded[i][k] for i in rows])
            for k, side in enumerate(("source", "target"))}


def fit(train: list[Row], valid: list[Row], settings: FitSettings) -> tuple[EventNet, list[dict]]:
    """The trained network (the epoch with the best valid macro-F1) and one log line per epoch."""
    from petrel.evaluation.metrics import macro_f1

    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    rng = random.Random(settings.seed)
    net = EventNet(load_encoder(), len(TYPE_LABELS), len(MODE_LABELS),
                   n_tags=len(SPAN_TAGS) if settings.span_weight > 0 else 0)
    for p in list(net.encoder.word.parameters()) + list(net.encoder.position.parameters()) + \
            list(net.encoder.token_type.parameters()) + list(net.encoder.emb_norm.parameters()):
        p.requires_grad_(False)
    for layer in net.encoder.layers[: settings.frozen_layers]:
        for p in layer.parameters():
            p.requires_grad_(False)
    log.info("caching the frozen layers for %d + %d sentences", len(train), len(valid))
    tr, va = Cached(net, train, settings), Cached(net, valid, settings)
    enc_params = [p for layer in net.encoder.layers[settings.frozen_layers:] for p in layer.parameters()]
    head_params = [p for head in (net.type_head, net.mode_head, net.span_head) if head is not None
                   for p in head.parameters()]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": settings.lr_encoder},
                             {"params": head_params, "lr": settings.lr_heads}], weight_decay=0.01)
    steps = settings.epochs * len(tr.batches(settings.batch_size, None))
    warm = max(1, int(steps * settings.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    type_loss = nn.CrossEntropyLoss(label_smoothing=settings.label_smoothing)
    mode_loss = nn.CrossEntropyLoss(ignore_index=-100)
    tag_loss = nn.CrossEntropyLoss(ignore_index=IGNORE)
    history: list[dict] = []
    best: tuple[float, dict] | None = None
    for epoch in range(settings.epochs):
        net.train()
        net.encoder.layers[: settings.frozen_layers].eval()
        total = 0.0
        batches = tr.batches(settings.batch_size, rng)
        for n, idx in enumerate(batches, 1):
            t, m, s = logits(net, tr, idx, settings.frozen_layers)
            modes = tr.modes[idx].clone()
            modes[modes == MODE_LABELS.index(NO_MODE)] = -100  # a type without a mode says nothing of modes
            loss = type_loss(t, tr.types[idx])
            if (modes != -100).any():
                loss = loss + settings.mode_weight * mode_loss(m, modes)
            tags = None if s is None else tr.tag_batch(idx, s.shape[1])
            if tags is not None and (tags != IGNORE).any():
                loss = loss + settings.span_weight * tag_loss(s.reshape(-1, len(SPAN_TAGS)), tags.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(enc_params + head_params, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
            if n % 50 == 0:
                log.info("epoch %d step %d/%d loss %.3f", epoch + 1, n, len(batches), total / n)
        probs, _, spans = predict(net, va, settings)
        sides = span_scores(va, spans) if net.span_head is not None else None
        pred = probs.argmax(-1).tolist()
        gold = va.types.tolist()
        f1 = macro_f1(gold, pred)
        acc = sum(p == g for p, g in zip(pred, gold)) / len(gold)
        history.append({"epoch": epoch + 1, "loss": round(total / len(batches), 4), "valid_accuracy": round(acc, 4),
                        "valid_macro_f1": round(f1, 4), **({"valid_spans": sides} if sides else {})})
        log.info("epoch %d: valid accuracy %.3f macro-F1 %.3f; spans %s", epoch + 1, acc, f1, sides)
        if best is None or f1 > best[0]:
            best = (f1, {k: v.detach().clone() for k, v in net.state_dict().items()})
    net.load_state_dict(best[1])
    net.eval()
    return net, history
