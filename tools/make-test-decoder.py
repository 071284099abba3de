#!/usr/bin/python3
"""Generate a random-weight Qwen2-shaped decoder LM in the Hugging Face Optimum ONNX layout.

The output folder looks like what
``optimum-cli export onnx --task text-generation-with-past`` produces for Qwen2 /
DeepSeek-R1-Distill-Qwen, so the Java engine (ONNX Runtime + DJL HuggingFace tokenizers)
can load it exactly like a real export:

    model.onnx (+ model.onnx_data for big presets)
    config.json, generation_config.json
    tokenizer.json, tokenizer_config.json

Inputs of the ONNX graph (in this order):
    input_ids        int64 [batch_size, sequence_length]
    attention_mask   int64 [batch_size, past_sequence_length + sequence_length]
    position_ids     int64 [batch_size, sequence_length]
    past_key_values.{i}.key / .value  float32 [batch_size, kv_heads, past_sequence_length, head_dim]
Outputs:
    logits           float32 [batch_size, sequence_length, vocab]
    present.{i}.key / .value          float32 [batch_size, kv_heads, past_sequence_length + sequence_length, head_dim]

The weights are random (the generated text is gibberish); the tokenizer is a small
byte-level BPE (GPT-2 / Qwen2 style) trained on a built-in Cantonese / Traditional Chinese /
Simplified Chinese / English corpus. Because CJK characters are 3 UTF-8 bytes and merges are
not forced to respect character boundaries, many tokens end in the middle of a character.

Needs torch (1.13 is enough) and onnx; no transformers / optimum / tokenizers.
Run with the Debian interpreter:  /usr/bin/python3 tools/make-test-decoder.py --out DIR
"""

import argparse
import collections
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

_T0 = time.time()


def phase(msg):
    print("[%6.1fs] %s" % (time.time() - _T0, msg), flush=True)


# ----------------------------------------------------------------------------------------------
# Built-in tokenizer training corpus
# ----------------------------------------------------------------------------------------------

CORPUS = [
    # Cantonese
    "今日天氣好熱，記得飲多啲水。",
    "佢哋喺銅鑼灣食緊飯。",
    "你今晚得唔得閒？我哋一齊去睇戲啦。",
    "呢間茶餐廳嘅奶茶好正，菠蘿包都好好食。",
    "我琴日搭地鐵返工，喺金鐘轉車。",
    "落緊大雨，記得帶遮呀！",
    "佢話聽日會早啲返屋企。",
    "唔該你講慢少少，我聽唔清楚。",
    "今日巴士好多人，我等咗成半個鐘。",
    "我哋聽朝去行山，你想唔想一齊嚟？",
    "呢件衫幾多錢呀？有冇平啲㗎？",
    "佢啱啱畢業，依家喺中環返工。",
    "食咗飯未呀？未食就一齊去飲茶啦。",
    "天文台話今晚會打風，大家小心啲。",
    "我好鍾意喺維多利亞港睇夜景。",
    "你可唔可以幫我睇吓呢份文件？",
    "佢哋喺旺角開咗間新嘅書店。",
    "今個星期六我要返學，唔得閒出街。",
    "呢度嘅點心好出名，成日都排長龍。",
    "咪咁擔心啦，一定冇問題嘅。",
    # Traditional Chinese
    "香港特別行政區政府今日公布施政報告。",
    "香港天文台發出八號烈風或暴風信號。",
    "立法會今日三讀通過有關條例草案。",
    "政府將會繼續推動創新科技發展。",
    "市民可以透過網上平台預約接種疫苗。",
    "本港今日新增多宗本地個案。",
    "運輸署提醒駕駛人士注意道路安全。",
    "香港國際機場的客運量持續回升。",
    "教育局宣布所有學校明天停課。",
    "醫院管理局呼籲市民切勿延誤求醫。",
    "香港交易所恒生指數今日收市上升。",
    "房屋委員會公布新一期公共房屋申請結果。",
    "警方呼籲市民提高警覺，提防電話騙案。",
    "文化中心將舉辦一系列音樂會及展覽。",
    "環境保護署鼓勵市民減少使用即棄膠袋。",
    "行政長官出席商界午宴並發表演講。",
    "港鐵公司表示列車服務已經回復正常。",
    "衛生署提醒市民注意個人及環境衛生。",
    "颱風吹襲期間，請留在安全的地方。",
    "本地生產總值比去年同期上升百分之三。",
    # Simplified Chinese
    "香港特别行政区政府今日公布施政报告。",
    "香港天文台发出八号烈风或暴风信号。",
    "立法会今日三读通过有关条例草案。",
    "政府将会继续推动创新科技发展。",
    "市民可以通过网上平台预约接种疫苗。",
    "运输署提醒驾驶人士注意道路安全。",
    "香港国际机场的客运量持续回升。",
    "教育局宣布所有学校明天停课。",
    "医院管理局呼吁市民切勿延误求医。",
    "香港交易所恒生指数今日收市上升。",
    "人工智能技术正在改变我们的生活。",
    "请问最近的地铁站怎么走？",
    "这家餐厅的服务非常好，价格也很合理。",
    "我们明天上午十点在会议室开会。",
    "经济发展需要稳定的社会环境。",
    "北京和上海都是中国的大城市。",
    "学生们正在图书馆里认真学习。",
    "数据显示，今年的出口增长了百分之五。",
    "欢迎大家参加今天的技术交流活动。",
    "大语言模型可以回答各种各样的问题。",
    # English
    "The Hong Kong Observatory issued a typhoon signal No. 8.",
    "The Legislative Council passed the bill on its third reading today.",
    "Please remember to drink plenty of water in hot weather.",
    "The MTR Corporation said train services have resumed normal operation.",
    "Hong Kong International Airport handled more passengers this year.",
    "The government will continue to promote innovation and technology.",
    "All schools will be closed tomorrow because of the rainstorm warning.",
    "The Hang Seng Index rose 2.5 per cent at the close of trading.",
    "Members of the public should stay indoors during the typhoon.",
    "The Chief Executive delivered the Policy Address at the Legislative Council.",
    "We are going hiking on Lantau Island this weekend.",
    "Can you help me translate this document into Chinese?",
    "The restaurant in Causeway Bay is famous for its milk tea.",
    "Large language models can answer many different kinds of questions.",
    "It's raining heavily, so don't forget your umbrella!",
    "The Hospital Authority reminded patients not to delay seeking treatment.",
    "The weather will be hot with sunny periods, with a maximum of 33 degrees.",
    "I'll meet you at Central station at 7:30 tomorrow morning.",
    "The new bridge links Hong Kong, Zhuhai and Macao.",
    "Thank you for your question; here is a short answer.",
]

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]

CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}"
    "{% endif %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

# ----------------------------------------------------------------------------------------------
# Byte-level BPE (GPT-2 / Qwen2 style), pure Python
# ----------------------------------------------------------------------------------------------


def bytes_to_unicode():
    """The standard GPT-2 byte -> printable unicode char mapping (ordered as in GPT-2's vocab)."""
    bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
          + list(range(ord("®"), ord("ÿ") + 1)))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return list(zip(bs, [chr(c) for c in cs]))


def _category_class(prefix):
    """Regex character-class body for all code points whose Unicode category starts with prefix."""
    ranges = []
    start = prev = None
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if unicodedata.category(chr(cp)).startswith(prefix):
            if start is None:
                start = prev = cp
            elif cp == prev + 1:
                prev = cp
            else:
                ranges.append((start, prev))
                start = prev = cp
    if start is not None:
        ranges.append((start, prev))

    def esc(cp):
        return "\\U%08x" % cp

    return "".join(esc(a) if a == b else esc(a) + "-" + esc(b) for a, b in ranges)


def gpt2_pretokenize_regex():
    # tokenizers' ByteLevel(use_regex=true) pattern:
    #   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    # Python's re has no \p{..}; build the classes from unicodedata.
    L = _category_class("L")
    N = _category_class("N")
    pat = (r"'s|'t|'re|'ve|'m|'ll|'d| ?[" + L + r"]+| ?[" + N + r"]+| ?[^\s" + L + N
           + r"]+|\s+(?!\S)|\s+")
    return re.compile(pat)


class ByteLevelBPE:
    def __init__(self, vocab, merges, special_tokens):
        self.vocab = vocab  # token -> id
        self.inv_vocab = {i: t for t, i in vocab.items()}
        self.ranks = {tuple(m.split(" ")): r for r, m in enumerate(merges)}
        self.special = {t: i for t, i in special_tokens.items()}
        self.inv_vocab.update({i: t for t, i in special_tokens.items()})
        b2u = bytes_to_unicode()
        self.byte_enc = {b: u for b, u in b2u}
        self.byte_dec = {u: b for b, u in b2u}
        self.pat = gpt2_pretokenize_regex()
        self.special_pat = re.compile("(" + "|".join(re.escape(t) for t in special_tokens) + ")")

    def bpe(self, word):
        symbols = list(word)
        while len(symbols) > 1:
            best = None
            for i in range(len(symbols) - 1):
                r = self.ranks.get((symbols[i], symbols[i + 1]))
                if r is not None and (best is None or r < best[0]):
                    best = (r, i)
            if best is None:
                break
            a, b = symbols[best[1]], symbols[best[1] + 1]
            out, i = [], 0
            while i < len(symbols):
                if i < len(symbols) - 1 and symbols[i] == a and symbols[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            symbols = out
        return symbols

    def encode(self, text):
        ids = []
        for part in self.special_pat.split(unicodedata.normalize("NFC", text)):
            if not part:
                continue
            if part in self.special:
                ids.append(self.special[part])
                continue
            for chunk in self.pat.findall(part):
                word = "".join(self.byte_enc[b] for b in chunk.encode("utf-8"))
                ids.extend(self.vocab[s] for s in self.bpe(word))
        return ids

    def decode(self, ids):
        out = bytearray()
        for i in ids:
            t = self.inv_vocab[i]
            if i in self.special.values():
                out.extend(t.encode("utf-8"))
            else:
                out.extend(self.byte_dec[c] for c in t)
        return out.decode("utf-8", errors="replace")


def train_bpe(corpus, num_merges):
    """Classic BPE training over byte-level symbols after GPT-2 regex pre-splitting.

    Merges are NOT restricted to character boundaries (a token may hold 2 of a CJK
    character's 3 bytes, or span two characters). Ties are broken deterministically by the
    lexicographic order of the pair.
    """
    b2u = bytes_to_unicode()
    byte_enc = {b: u for b, u in b2u}
    vocab = {u: i for i, (_, u) in enumerate(b2u)}
    pat = gpt2_pretokenize_regex()
    words = collections.Counter()
    for line in corpus:
        for chunk in pat.findall(unicodedata.normalize("NFC", line)):
            words[tuple(byte_enc[b] for b in chunk.encode("utf-8"))] += 1
    words = {w: c for w, c in words.items()}
    merges = []
    while len(merges) < num_merges:
        pairs = collections.Counter()
        for w, c in words.items():
            for i in range(len(w) - 1):
                pairs[(w[i], w[i + 1])] += c
        if not pairs:
            break
        best_count = max(pairs.values())
        best = min(p for p, c in pairs.items() if c == best_count)
        a, b = best
        merges.append(a + " " + b)
        if a + b not in vocab:
            vocab[a + b] = len(vocab)
        new_words = {}
        for w, c in words.items():
            if len(w) < 2:
                new_words[w] = new_words.get(w, 0) + c
                continue
            out, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and w[i] == a and w[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            t = tuple(out)
            new_words[t] = new_words.get(t, 0) + c
        words = new_words
    return vocab, merges


def build_tokenizer(num_merges):
    vocab, merges = train_bpe(CORPUS, num_merges)
    special = {t: len(vocab) + k for k, t in enumerate(SPECIAL_TOKENS)}
    return vocab, merges, special


def tokenizer_json(vocab, merges, special):
    added = [{"id": special[t], "content": t, "single_word": False, "lstrip": False,
              "rstrip": False, "normalized": False, "special": True} for t in SPECIAL_TOKENS]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "NFC"},
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True,
                          "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False,
                           "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True,
                    "use_regex": True},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": "",
            "end_of_word_suffix": "",
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": vocab,
            "merges": merges,
        },
    }


def tokenizer_config_json(special, max_len):
    return {
        "add_bos_token": False,
        "add_prefix_space": False,
        "added_tokens_decoder": {
            str(special[t]): {"content": t, "lstrip": False, "normalized": False,
                              "rstrip": False, "single_word": False, "special": True}
            for t in SPECIAL_TOKENS
        },
        "additional_special_tokens": ["<|im_start|>", "<|im_end|>"],
        "bos_token": None,
        "chat_template": CHAT_TEMPLATE,
        "clean_up_tokenization_spaces": False,
        "eos_token": "<|im_end|>",
        "errors": "replace",
        "model_max_length": max_len,
        "pad_token": "<|endoftext|>",
        "split_special_tokens": False,
        "tokenizer_class": "Qwen2Tokenizer",
        "unk_token": None,
    }


def render_chatml(messages, add_generation_prompt=True):
    """Python rendering of CHAT_TEMPLATE (for the tokenizer self-check only)."""
    s = ""
    for k, m in enumerate(messages):
        if k == 0 and messages[0]["role"] != "system":
            s += "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
        s += "<|im_start|>" + m["role"] + "\n" + m["content"] + "<|im_end|>\n"
    if add_generation_prompt:
        s += "<|im_start|>assistant\n"
    return s


def check_tokenizer(tok, vocab):
    bad = 0
    for line in CORPUS:
        ids = tok.encode(line)
        if tok.decode(ids) != line:
            bad += 1
            print("  ROUNDTRIP FAIL:", line, ids, repr(tok.decode(ids)))
    chat = render_chatml([{"role": "user", "content": "今日天氣點呀？ Is it hot?"}])
    chat_ids = tok.encode(chat)
    if tok.decode(chat_ids) != chat:
        bad += 1
        print("  ROUNDTRIP FAIL (chat):", repr(chat))
    for t in SPECIAL_TOKENS:
        if tok.special[t] not in chat_ids and t != "<|endoftext|>":
            bad += 1
            print("  special token not encoded as one id:", t)
    extra = "Unseen text: 深水埗鴨寮街 ¥100 😀 ąę\t\n  end"
    if tok.decode(tok.encode(extra)) != extra:
        bad += 1
        print("  ROUNDTRIP FAIL (unseen):", repr(extra))
    byte_dec = {u: b for b, u in bytes_to_unicode()}
    invalid = 0
    for t in vocab:
        try:
            bytes(byte_dec[c] for c in t).decode("utf-8")
        except UnicodeDecodeError:
            invalid += 1
    n_tokens = sum(len(tok.encode(line)) for line in CORPUS)
    n_bytes = sum(len(line.encode("utf-8")) for line in CORPUS)
    print("tokenizer: vocab %d (+%d special = %d), roundtrip failures %d/%d, "
          "tokens that are not valid UTF-8 on their own: %d, corpus %d bytes -> %d tokens"
          % (len(vocab), len(SPECIAL_TOKENS), len(vocab) + len(SPECIAL_TOKENS), bad,
             len(CORPUS) + 2, invalid, n_bytes, n_tokens))
    return bad, invalid


# ----------------------------------------------------------------------------------------------
# Qwen2-shaped decoder
# ----------------------------------------------------------------------------------------------


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(var + self.eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    x1 = x[..., :half]
    x2 = x[..., half:]
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.h = cfg["num_attention_heads"]
        self.kv = cfg["num_key_value_heads"]
        self.d = cfg["hidden_size"] // self.h
        hs = cfg["hidden_size"]
        self.q_proj = nn.Linear(hs, self.h * self.d, bias=True)
        self.k_proj = nn.Linear(hs, self.kv * self.d, bias=True)
        self.v_proj = nn.Linear(hs, self.kv * self.d, bias=True)
        self.o_proj = nn.Linear(self.h * self.d, hs, bias=False)

    def forward(self, x, cos, sin, mask_bool, past_k, past_v):
        b, s, _ = x.shape
        q = self.q_proj(x).view(b, s, self.h, self.d).transpose(1, 2)
        k = self.k_proj(x).view(b, s, self.kv, self.d).transpose(1, 2)
        v = self.v_proj(x).view(b, s, self.kv, self.d).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        present_k, present_v = k, v
        rep = self.h // self.kv
        if rep > 1:
            k = k[:, :, None, :, :].expand(-1, -1, rep, -1, -1).reshape(b, self.h, -1, self.d)
            v = v[:, :, None, :, :].expand(-1, -1, rep, -1, -1).reshape(b, self.h, -1, self.d)
        scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(self.d)
        # Finite "minus infinity": a fully masked (padding) query row becomes a uniform
        # softmax instead of NaN.
        scores = torch.where(mask_bool, scores,
                             torch.tensor(torch.finfo(torch.float32).min, dtype=scores.dtype))
        probs = torch.softmax(scores, dim=-1)
        out = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, self.h * self.d)
        return self.o_proj(out), present_k, present_v


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hs, inter = cfg["hidden_size"], cfg["intermediate_size"]
        self.gate_proj = nn.Linear(hs, inter, bias=False)
        self.up_proj = nn.Linear(hs, inter, bias=False)
        self.down_proj = nn.Linear(inter, hs, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.input_layernorm = RMSNorm(cfg["hidden_size"], cfg["rms_norm_eps"])
        self.self_attn = Attention(cfg)
        self.post_attention_layernorm = RMSNorm(cfg["hidden_size"], cfg["rms_norm_eps"])
        self.mlp = MLP(cfg)

    def forward(self, x, cos, sin, mask_bool, past_k, past_v):
        a, pk, pv = self.self_attn(self.input_layernorm(x), cos, sin, mask_bool, past_k, past_v)
        x = x + a
        x = x + self.mlp(self.post_attention_layernorm(x))
        return x, pk, pv


class Qwen2LM(nn.Module):
    """forward(input_ids, attention_mask, position_ids, past_0_key, past_0_value, ...)
    -> (logits, present_0_key, present_0_value, ...)"""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.n_layers = cfg["num_hidden_layers"]
        self.embed_tokens = nn.Embedding(cfg["vocab_size"], cfg["hidden_size"])
        self.layers = nn.ModuleList([DecoderLayer(cfg) for _ in range(self.n_layers)])
        self.norm = RMSNorm(cfg["hidden_size"], cfg["rms_norm_eps"])
        d = cfg["hidden_size"] // cfg["num_attention_heads"]
        inv_freq = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.int64)
                                                 .float() / d))
        self.register_buffer("inv_freq", inv_freq, persistent=False)

    def forward(self, input_ids, attention_mask, position_ids, *past):
        x = self.embed_tokens(input_ids)
        # Rotary embeddings from explicit position ids (HF Qwen2 style: cat(freqs, freqs)).
        freqs = position_ids[:, :, None].float() * self.inv_freq[None, None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos = emb.cos()[:, None, :, :]
        sin = emb.sin()[:, None, :, :]
        # Mask: causal over (past + current) positions AND the 2-D padding mask.
        s = input_ids.shape[1]
        t = attention_mask.shape[1]
        k_idx = torch.arange(t, device=input_ids.device)
        q_idx = torch.arange(s, device=input_ids.device) + (t - s)
        causal = k_idx[None, :] <= q_idx[:, None]  # [S, T]
        mask_bool = causal[None, None, :, :] & (attention_mask[:, None, None, :] != 0)
        presents = []
        for i, layer in enumerate(self.layers):
            x, pk, pv = layer(x, cos, sin, mask_bool, past[2 * i], past[2 * i + 1])
            presents += [pk, pv]
        x = self.norm(x)
        logits = F.linear(x, self.embed_tokens.weight)  # tied lm_head
        return (logits, *presents)


def init_weights(model, cfg, embed_std, proj_std, quiet_ids=()):
    g = torch.Generator().manual_seed(cfg["_seed"])
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("layernorm.weight") or name == "norm.weight":
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=g))
            elif name == "embed_tokens.weight":
                p.copy_(torch.randn(p.shape, generator=g) * embed_std)
            elif name.endswith(".bias"):
                p.copy_(torch.randn(p.shape, generator=g) * 0.02)
            else:
                p.copy_(torch.randn(p.shape, generator=g) * proj_std)
        # Special tokens get small embedding rows, so with the tied lm_head their logits stay
        # near 0: greedy decoding rarely emits <|endoftext|>/<|im_end|> by chance (generation
        # runs to max_tokens), while sampling still can.
        for i in quiet_ids:
            model.embed_tokens.weight[i] *= 0.1


def empty_past(cfg, batch, length=0):
    d = cfg["hidden_size"] // cfg["num_attention_heads"]
    return [torch.zeros(batch, cfg["num_key_value_heads"], length, d)
            for _ in range(2 * cfg["num_hidden_layers"])]


# ----------------------------------------------------------------------------------------------
# Torch-side verification
# ----------------------------------------------------------------------------------------------


@torch.no_grad()
def greedy_cached(model, cfg, prompts, steps, pad_id):
    """Left-padded batch greedy decoding with the KV cache (the way the Java engine does it)."""
    b = len(prompts)
    L = max(len(p) for p in prompts)
    ids = torch.tensor([[pad_id] * (L - len(p)) + p for p in prompts], dtype=torch.int64)
    mask = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in prompts], dtype=torch.int64)
    pos = torch.cumsum(mask, dim=1) - 1  # padding positions get -1 (like the Java side)
    past = empty_past(cfg, b)
    out = [[] for _ in range(b)]
    cur_ids, cur_pos = ids, pos
    for _ in range(steps):
        res = model(cur_ids, mask, cur_pos, *past)
        logits, past = res[0], list(res[1:])
        nxt = logits[:, -1, :].argmax(-1)
        for r in range(b):
            out[r].append(int(nxt[r]))
        cur_ids = nxt[:, None]
        cur_pos = cur_pos[:, -1:] + 1
        mask = torch.cat([mask, torch.ones(b, 1, dtype=torch.int64)], dim=1)
    return out


@torch.no_grad()
def greedy_full(model, cfg, prompt, steps):
    """Greedy decoding with full recomputation every step (no cache)."""
    seq = list(prompt)
    out = []
    for _ in range(steps):
        ids = torch.tensor([seq], dtype=torch.int64)
        mask = torch.ones_like(ids)
        pos = torch.arange(len(seq))[None, :]
        logits = model(ids, mask, pos, *empty_past(cfg, 1))[0]
        nxt = int(logits[0, -1].argmax())
        out.append(nxt)
        seq.append(nxt)
    return out


def verify_torch(model, cfg, tok, steps, n_prompts):
    prompts_txt = [
        "今日天氣好熱，",
        "The Hong Kong Observatory",
        "香港特別行政區政府今日公布施政報告。佢哋喺銅鑼灣",
        "请问最近的地铁站",
    ][:n_prompts]
    prompts = [tok.encode(t) for t in prompts_txt]
    pad_id = tok.special["<|endoftext|>"]
    ok = True
    singles = []
    for p in prompts:
        full = greedy_full(model, cfg, p, steps)
        cached = greedy_cached(model, cfg, [p], steps, pad_id)[0]
        singles.append(cached)
        if full != cached:
            ok = False
            print("  KV-CACHE MISMATCH:", full, cached)
    print("check 1 (KV cache == full recompute, %d greedy tokens x %d prompts): %s"
          % (steps, len(prompts), "OK" if ok else "FAIL"))
    # Left padding: batch of prompts of different lengths.
    batch = greedy_cached(model, cfg, prompts, steps, pad_id)
    ok2 = batch == singles
    if not ok2:
        for r in range(len(prompts)):
            if batch[r] != singles[r]:
                print("  LEFT-PAD MISMATCH row %d: %s vs %s" % (r, batch[r], singles[r]))
    print("check 2 (left-padded batch of %d, lengths %s == each alone): %s"
          % (len(prompts), [len(p) for p in prompts], "OK" if ok2 else "FAIL"))
    # Degeneracy: outputs should vary.
    distinct = [len(set(s)) for s in singles]
    all_distinct = len(set(t for s in singles for t in s))
    differ = len(set(tuple(s) for s in singles))
    ok3 = min(distinct) >= min(3, steps) and differ == len(singles)
    print("check 3 (non-degenerate greedy output): distinct tokens per prompt %s, overall %d, "
          "%d/%d different continuations: %s" % (distinct, all_distinct, differ, len(singles),
                                                 "OK" if ok3 else "FAIL"))
    special_hits = sum(1 for s in singles for t in s if t in tok.special.values())
    print("   special tokens among the greedy tokens: %d" % special_hits)
    for t, s in zip(prompts_txt, singles):
        print("   %r -> %s" % (t, s[:12]))
    return ok and ok2 and ok3


# ----------------------------------------------------------------------------------------------
# ONNX export
# ----------------------------------------------------------------------------------------------


def export_onnx(model, cfg, out_dir, opset, external_threshold):
    import onnx
    from onnx import numpy_helper, helper

    n = cfg["num_hidden_layers"]
    input_names = ["input_ids", "attention_mask", "position_ids"]
    output_names = ["logits"]
    dyn = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
        "position_ids": {0: "batch_size", 1: "sequence_length"},
        "logits": {0: "batch_size", 1: "sequence_length"},
    }
    for i in range(n):
        for kv in ("key", "value"):
            input_names.append("past_key_values.%d.%s" % (i, kv))
            dyn["past_key_values.%d.%s" % (i, kv)] = {0: "batch_size", 2: "past_sequence_length"}
    for i in range(n):
        for kv in ("key", "value"):
            output_names.append("present.%d.%s" % (i, kv))
            dyn["present.%d.%s" % (i, kv)] = {0: "batch_size",
                                              2: "past_sequence_length + sequence_length"}
    # Non-zero dummy past length so that no axis gets frozen by the tracer.
    B, S, P = 2, 2, 3
    ids = torch.randint(0, min(cfg["vocab_size"], 256), (B, S), dtype=torch.int64)
    mask = torch.ones(B, P + S, dtype=torch.int64)
    mask[1, :2] = 0
    pos = (torch.cumsum(mask, 1) - 1)[:, P:]
    past = [torch.randn(t.shape[0], t.shape[1], P, t.shape[3]) for t in empty_past(cfg, B)]

    tmp = tempfile.mkdtemp(prefix=".export-", dir=out_dir)
    try:
        tmp_path = os.path.join(tmp, "model.onnx")
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with torch.no_grad():
                torch.onnx.export(model, (ids, mask, pos, *past), tmp_path,
                                  input_names=input_names, output_names=output_names,
                                  dynamic_axes=dyn, opset_version=opset,
                                  do_constant_folding=True, export_params=True)
        phase("torch.onnx.export done")
        m = onnx.load(tmp_path)  # also pulls in external data if torch wrote any
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # The tied lm_head: make sure the embedding matrix is stored once. If constant folding
    # produced a transposed copy for the logits MatMul, replace it by a Transpose node of the
    # embedding initializer (ONNX Runtime constant-folds it again at session creation).
    inits = {t.name: t for t in m.graph.initializer}
    emb = model.embed_tokens.weight.detach().numpy()
    gather = [nd for nd in m.graph.node if nd.op_type == "Gather" and nd.input[0] in inits
              and tuple(inits[nd.input[0]].dims) == emb.shape]
    deduped = False
    if gather:
        emb_name = gather[0].input[0]
        for nd in m.graph.node:
            if nd.op_type in ("MatMul", "Gemm"):
                for j, name in enumerate(nd.input):
                    t = inits.get(name)
                    if (t is not None and name != emb_name
                            and tuple(t.dims) == (emb.shape[1], emb.shape[0])
                            and np.array_equal(numpy_helper.to_array(t), emb.T)):
                        new_name = emb_name + "_transposed"
                        tr = helper.make_node("Transpose", [emb_name], [new_name], perm=[1, 0],
                                              name="/lm_head/Transpose")
                        nd.input[j] = new_name
                        m.graph.initializer.remove(t)
                        idx = list(m.graph.node).index(nd)
                        m.graph.node.insert(idx, tr)
                        deduped = True
                        break
    m.producer_name = "make-test-decoder.py"
    phase("ONNX loaded and post-processed")
    # Stable initializer/value names are already deterministic; write the file.
    path = os.path.join(out_dir, "model.onnx")
    data_name = "model.onnx_data"
    for f in (path, os.path.join(out_dir, data_name)):
        if os.path.exists(f):
            os.remove(f)
    total_bytes = sum(t.ByteSize() for t in m.graph.initializer)
    external = total_bytes > external_threshold
    if external:
        onnx.save_model(m, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=data_name, size_threshold=1024)
    else:
        onnx.save_model(m, path)
    del m
    phase("ONNX saved")
    onnx.checker.check_model(path)  # path form works for > 2 GB models
    g = onnx.load(path, load_external_data=False).graph

    def shape(vi):
        dims = []
        for d in vi.type.tensor_type.shape.dim:
            dims.append(d.dim_param if d.dim_param else (d.dim_value if d.HasField("dim_value")
                                                          else "?"))
        et = onnx.TensorProto.DataType.Name(vi.type.tensor_type.elem_type).lower()
        return "%s %s %s" % (vi.name, et, dims)

    ins = [shape(v) for v in g.input]
    outs = [shape(v) for v in g.output]
    return {"external": external, "deduped_lm_head": deduped, "inputs": ins, "outputs": outs,
            "nodes": len(g.node), "opset": opset}


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------

PRESETS = {
    "tiny": dict(hidden=64, layers=2, heads=4, kv_heads=2, intermediate=128, vocab=None,
                 max_pos=4096, rope_theta=10000.0, embed_std=0.5, proj_std=None, check_steps=20, check_prompts=4),
    "qwen2-0.5b": dict(hidden=896, layers=24, heads=14, kv_heads=2, intermediate=4864,
                       vocab=151936, max_pos=32768, rope_theta=1000000.0, embed_std=0.5,
                       proj_std=None, check_steps=4, check_prompts=2),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--preset", choices=sorted(PRESETS), default="tiny")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--layers", type=int)
    ap.add_argument("--hidden", type=int)
    ap.add_argument("--heads", type=int)
    ap.add_argument("--kv-heads", type=int)
    ap.add_argument("--intermediate", type=int)
    ap.add_argument("--vocab", type=int, help="model vocab (logits axis); default: tokenizer size")
    ap.add_argument("--merges", type=int, default=450, help="number of BPE merges to learn")
    ap.add_argument("--embed-std", type=float)
    ap.add_argument("--proj-std", type=float,
                    help="std of projection weights (default 2/sqrt(hidden))")
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--check-steps", type=int, help="greedy steps of the torch checks")
    ap.add_argument("--check-prompts", type=int, help="prompts (1-4) of the torch checks")
    ap.add_argument("--skip-checks", action="store_true")
    ap.add_argument("--external-data-threshold-mb", type=float, default=1536)
    args = ap.parse_args()
    t0 = time.time()

    p = dict(PRESETS[args.preset])
    for k, a in (("hidden", "hidden"), ("layers", "layers"), ("heads", "heads"),
                 ("kv_heads", "kv_heads"), ("intermediate", "intermediate"), ("vocab", "vocab"),
                 ("embed_std", "embed_std"), ("proj_std", "proj_std")):
        v = getattr(args, a)
        if v is not None:
            p[k] = v
    if p["hidden"] % p["heads"] or p["heads"] % p["kv_heads"] or (p["hidden"] // p["heads"]) % 2:
        sys.exit("hidden must be divisible by heads, heads by kv-heads, head_dim must be even")
    os.makedirs(args.out, exist_ok=True)

    # Tokenizer
    vocab, merges, special = build_tokenizer(args.merges)
    tok = ByteLevelBPE(vocab, merges, special)
    tok_size = len(vocab) + len(special)
    bad, _ = check_tokenizer(tok, vocab)
    if bad:
        sys.exit("tokenizer self-check failed")
    model_vocab = p["vocab"] or tok_size
    if model_vocab < tok_size:
        sys.exit("--vocab %d is smaller than the tokenizer (%d)" % (model_vocab, tok_size))

    cfg = {
        "hidden_size": p["hidden"],
        "num_hidden_layers": p["layers"],
        "num_attention_heads": p["heads"],
        "num_key_value_heads": p["kv_heads"],
        "intermediate_size": p["intermediate"],
        "vocab_size": model_vocab,
        "max_position_embeddings": p["max_pos"],
        "rope_theta": p["rope_theta"],
        "rms_norm_eps": 1e-6,
        "_seed": args.seed,
    }
    torch.manual_seed(args.seed)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    phase("tokenizer built")
    model = Qwen2LM(cfg).eval()
    # Random init. With the usual std 0.02 the tied lm_head makes greedy decoding repeat the
    # prompt's last token forever (the embedding dominates the residual stream); projections
    # with std 2/sqrt(hidden) make the layers matter, so continuations vary with the context.
    proj_std = p["proj_std"] or 2.0 / math.sqrt(p["hidden"])
    init_weights(model, cfg, p["embed_std"], proj_std, quiet_ids=sorted(special.values()))
    # lm_head is tied: count the embedding once.
    n_params = sum(t.numel() for t in model.parameters())

    phase("model initialised")
    ok = True
    if not args.skip_checks:
        # (Debian's torch uses the reference BLAS: keep the checks short for big presets.)
        ok = verify_torch(model, cfg, tok, args.check_steps or p["check_steps"],
                          args.check_prompts or p["check_prompts"])

    phase("torch checks done")
    info = export_onnx(model, cfg, args.out, args.opset,
                       args.external_data_threshold_mb * 1024 * 1024)
    print("check 4 (onnx.checker.check_model): OK, opset %d, %d nodes, external data: %s, "
          "tied lm_head stored once: %s" % (info["opset"], info["nodes"], info["external"],
                                            info["deduped_lm_head"]))
    print("  inputs:")
    for s in info["inputs"]:
        print("    " + s)
    print("  outputs:")
    for s in info["outputs"]:
        print("    " + s)
    del model

    bos = special["<|endoftext|>"]
    eos = special["<|im_end|>"]
    config = {
        "architectures": ["Qwen2ForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": bos,
        "eos_token_id": eos,
        "hidden_act": "silu",
        "hidden_size": p["hidden"],
        "initializer_range": 0.02,
        "intermediate_size": p["intermediate"],
        "max_position_embeddings": p["max_pos"],
        "max_window_layers": p["layers"],
        "model_type": "qwen2",
        "num_attention_heads": p["heads"],
        "num_hidden_layers": p["layers"],
        "num_key_value_heads": p["kv_heads"],
        "rms_norm_eps": 1e-6,
        "rope_theta": p["rope_theta"],
        "sliding_window": p["max_pos"],
        "tie_word_embeddings": True,
        "torch_dtype": "float32",
        "transformers_version": "4.40.0",
        "use_cache": True,
        "use_sliding_window": False,
        "vocab_size": model_vocab,
    }
    gen = {
        "bos_token_id": bos,
        "do_sample": True,
        "eos_token_id": [eos, bos],
        "pad_token_id": bos,
        "repetition_penalty": 1.05,
        "temperature": 0.7,
        "top_k": 20,
        "top_p": 0.8,
        "transformers_version": "4.40.0",
    }

    def write_json(name, obj):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=2)
            f.write("\n")

    write_json("config.json", config)
    write_json("generation_config.json", gen)
    write_json("tokenizer.json", tokenizer_json(vocab, merges, special))
    write_json("tokenizer_config.json", tokenizer_config_json(special, p["max_pos"]))

    sizes = {f: os.path.getsize(os.path.join(args.out, f)) for f in sorted(os.listdir(args.out))
             if os.path.isfile(os.path.join(args.out, f))}
    total = sum(sizes.values())
    print("summary: preset=%s params=%d (%.1fM) layers=%d hidden=%d heads=%d/%d inter=%d "
          "vocab model=%d tokenizer=%d special=%s files=%s total=%.2f MB checks=%s %.1fs"
          % (args.preset, n_params, n_params / 1e6, p["layers"], p["hidden"], p["heads"],
             p["kv_heads"], p["intermediate"], model_vocab, tok_size,
             {t: special[t] for t in SPECIAL_TOKENS},
             ",".join("%s:%d" % kv for kv in sizes.items()), total / 1e6,
             "skipped" if args.skip_checks else ("OK" if ok else "FAIL"), time.time() - t0))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
