#!/usr/bin/python3
"""Writes the bundled example: a tiny Llama-architecture checkpoint saved by real torch.

Run with Debian's python3-torch (`apt-get install python3-torch`), from this folder:
    /usr/bin/python3 make_checkpoint.py
The outputs are committed; tests and the demo never run this script.
"""
import json
from collections import OrderedDict

import torch

VOCAB, HIDDEN, INTERMEDIATE, LAYERS, HEADS, KV_HEADS = 256, 256, 512, 2, 4, 2
HEAD_DIM = HIDDEN // HEADS

torch.manual_seed(0)


def linear(rows, cols):
    return torch.randn(rows, cols) * (1.0 / cols**0.5)


weights = OrderedDict()
weights["model.embed_tokens.weight"] = torch.randn(VOCAB, HIDDEN) * 0.02
for i in range(LAYERS):
    p = f"model.layers.{i}."
    weights[p + "input_layernorm.weight"] = torch.ones(HIDDEN) + 0.01 * torch.randn(HIDDEN)
    weights[p + "self_attn.q_proj.weight"] = linear(HEADS * HEAD_DIM, HIDDEN)
    weights[p + "self_attn.k_proj.weight"] = linear(KV_HEADS * HEAD_DIM, HIDDEN)
    weights[p + "self_attn.v_proj.weight"] = linear(KV_HEADS * HEAD_DIM, HIDDEN)
    weights[p + "self_attn.o_proj.weight"] = linear(HIDDEN, HEADS * HEAD_DIM)
    weights[p + "post_attention_layernorm.weight"] = torch.ones(HIDDEN) + 0.01 * torch.randn(HIDDEN)
    weights[p + "mlp.gate_proj.weight"] = linear(INTERMEDIATE, HIDDEN)
    weights[p + "mlp.up_proj.weight"] = linear(INTERMEDIATE, HIDDEN)
    weights[p + "mlp.down_proj.weight"] = linear(HIDDEN, INTERMEDIATE)
weights["model.norm.weight"] = torch.ones(HIDDEN)
weights["lm_head.weight"] = linear(VOCAB, HIDDEN)

# A training job's checkpoint: the weights nested beside scalars the release should carry.
torch.save({"model": weights, "step": 1000, "loss": 2.0625, "epoch": 3}, "model.pt")

config = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "vocab_size": VOCAB,
    "hidden_size": HIDDEN,
    "intermediate_size": INTERMEDIATE,
    "num_hidden_layers": LAYERS,
    "num_attention_heads": HEADS,
    "num_key_value_heads": KV_HEADS,
    "max_position_embeddings": 512,
    "rms_norm_eps": 1e-5,
    "rope_theta": 10000.0,
    "hidden_act": "silu",
    "tie_word_embeddings": False,
    "torch_dtype": "float32",
}
with open("config.json", "w") as f:
    json.dump(config, f, indent=2)
    f.write("\n")
print("wrote model.pt and config.json with torch", torch.__version__)
