#!/usr/bin/env python3
"""Deterministic synthetic benchmark corpus for papersift.

Writes, under --out DIR:
  pages/page_NNNNN.txt   Hugging Face "Daily Papers" text dumps (the seed format of corpus/*.txt)
  arxiv/arxiv-NNN.jsonl  arXiv metadata snapshot JSON Lines (the shape of the public OAI snapshot)
  manifest.json          sizes, occurrence / unique-paper counts, seed and generation arguments

Same arguments (other than --out) -> byte-identical files. Python 3.11, stdlib only.
See bench/README.md.
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import sys
import time

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
LAST_DATE = datetime.datetime(2025, 11, 30, 23, 59, 59)
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

NAME_PARTS = [
    "Fed", "Hi", "Po", "Tri", "Uni", "Meta", "Omni", "Seq", "Flow", "Act", "Gen", "Vis", "Mo",
    "Ro", "Dif", "Lo", "Re", "Co", "Pro", "Syn", "Neu", "Graph", "Tok", "Auto", "Deep", "Fast",
    "Sparse", "Lite", "Mix", "Pan", "Hyper", "Star", "Nova", "Astra", "Orca", "Lynx", "Falcon",
    "Koala", "Otter", "Panda", "Vista", "Echo", "Atlas", "Prism", "Quill", "Sage", "Zephyr", "Kite",
    "Mamba", "Hydra", "Pilot", "Scout", "Forge", "Bridge", "Spark", "Pulse", "Drift", "Ember",
    "Lumen", "Vega", "Orbit", "Nexus", "Cortex", "Relay", "Tensor", "Chrono", "Geo", "Bio", "Med",
]
NAME_SUFFIXES = [
    "-RL", "-VL", "++", "-R1", "2", "-Zero", "-X", "Net", "GPT", "Former", "Diff", "Bench", "LM",
    "PO", "Agent", "-o1", "-Coder", "-Math", "3D", "Gym", "Eval", "Guard", "Nav", "Plan",
]
ACRO_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZAEIOURSTLPMCD"

T_ADJ = [
    "Efficient", "Scalable", "Robust", "Adaptive", "Hierarchical", "Generalizable", "Interpretable",
    "Unified", "Lightweight", "Sample-Efficient", "Data-Efficient", "Self-Supervised", "Multimodal",
    "Continual", "Federated", "Contrastive", "Causal", "Safe", "Offline", "Online", "Decentralized",
    "Zero-Shot", "Few-Shot", "Long-Horizon", "Fine-Grained", "Memory-Efficient", "Compositional",
    "Uncertainty-Aware", "Physics-Informed", "Privacy-Preserving", "Parameter-Efficient",
    "Training-Free", "Verifiable", "Controllable", "Faithful", "Calibrated", "Sparse", "Modular",
    "Latent", "Risk-Sensitive", "Goal-Conditioned", "Distributionally Robust", "Multi-Task",
    "Cross-Lingual", "Cross-Domain", "Open-Vocabulary", "Real-Time", "Streaming", "Asynchronous",
]
T_NOUN = [
    "Policy Optimization", "Reward Modeling", "Preference Learning", "Representation Learning",
    "Exploration", "Planning", "Reasoning", "Distillation", "Retrieval", "Alignment",
    "Tokenization", "Quantization", "Pruning", "Decoding", "Evaluation", "Curriculum Learning",
    "Imitation Learning", "World Models", "Value Estimation", "Credit Assignment", "Data Selection",
    "Instruction Tuning", "Knowledge Editing", "Model Merging", "Test-Time Scaling",
    "Self-Correction", "Tool Use", "Skill Discovery", "Domain Adaptation", "Uncertainty Estimation",
    "Anomaly Detection", "Segmentation", "Captioning", "Grounding", "Pretraining", "Calibration",
    "Guardrails", "Red-Teaming", "Watermarking", "Attribution", "Policy Learning",
    "Behavior Cloning", "Reward Shaping", "Memory Retrieval", "Speculative Decoding",
    "Trajectory Optimization", "Feature Selection", "Data Augmentation", "Active Learning",
]
T_TASK = [
    "Language Models", "Large Language Models", "Vision-Language Models", "Diffusion Models",
    "Robotic Manipulation", "Autonomous Driving", "Code Generation", "Mathematical Reasoning",
    "Multi-Agent Systems", "Recommender Systems", "Time Series Forecasting", "Protein Design",
    "Medical Imaging", "Speech Recognition", "Machine Translation", "Question Answering",
    "Web Agents", "Embodied Agents", "Graph Neural Networks", "Text-to-Image Generation",
    "Video Generation", "3D Scene Understanding", "Dialogue Systems", "Content Moderation",
    "Climate Policy Analysis", "Legal Documents", "Scientific Discovery", "Molecular Design",
    "Weather Forecasting", "Long-Context Understanding", "Humanoid Locomotion",
    "Dexterous Grasping", "Visual Navigation", "Chart Understanding", "Table Reasoning",
    "Open-Domain Retrieval", "Edge Devices", "Low-Resource Languages", "Financial Forecasting",
    "Sequential Recommendation", "Lip-Reading", "Roguelike Games", "Inventory Control",
    "HVAC Control", "Traffic Signal Control", "Drug Discovery", "Remote Sensing",
]
T_METHOD = [
    "Diffusion Policies", "Score Matching", "Contrastive Learning", "Mixture-of-Experts",
    "Flow Matching", "Transformers", "State Space Models", "Graph Attention",
    "Monte Carlo Tree Search", "Variational Inference", "Optimal Transport",
    "Bayesian Optimization", "Evolutionary Search", "Policy Gradients", "Q-Learning",
    "Actor-Critic Methods", "Low-Rank Adaptation", "Prompt Tuning", "Chain-of-Thought Prompting",
    "Self-Play", "Synthetic Data", "Process Supervision", "Verifier Feedback",
    "Hindsight Relabeling", "Energy-Based Models", "Neural Fields", "Gaussian Splatting",
    "Sparse Autoencoders", "Kernel Methods", "Advantage Weighting", "Dataset Constraints",
    "Noise Masks", "Dual-Level Down-Sampling", "Semi-Policy Preference Optimization",
]
T_GERUND = [
    "Learning", "Scaling", "Rethinking", "Revisiting", "Improving", "Understanding",
    "Benchmarking", "Accelerating", "Stabilizing", "Aligning", "Teaching", "Evaluating",
    "Compressing", "Steering", "Grounding", "Unlocking", "Bridging", "Decoupling", "Distilling",
    "Composing", "Calibrating", "Auditing", "Probing", "Guiding",
]
T_PROP = [
    "Robustness", "Limits", "Role", "Generalization", "Sample Complexity", "Convergence",
    "Stability", "Effectiveness", "Pitfalls", "Emergence", "Hidden Costs", "Expressivity",
]
T_ROLE = [
    "Reward Models", "Planners", "Learners", "Few-Shot Reasoners", "World Models", "Critics",
    "Teachers", "Zero-Shot Evaluators", "Policy Discriminators", "Data Annotators",
]
T_ROLE_ADJ = ["Strong", "General", "Secretly", "Efficient", "Surprisingly Good", "Implicit",
              "Competitive", "Reliable"]
T_SOURCE = [
    "Human Feedback", "Play Data", "Demonstrations", "Web Videos", "Synthetic Data", "Noisy Labels",
    "Weak Supervision", "Self-Generated Data", "Interaction Logs", "Unlabeled Data",
    "Offline Datasets", "Mistake Logs",
]
T_STUDY = ["A Case Study", "An Empirical Study", "A Survey", "Theory and Practice",
           "Foundations and Algorithms", "A Dataset Perspective", "Lessons Learned"]

FIELDS = [
    "reinforcement learning", "offline reinforcement learning", "preference optimization",
    "large language models", "vision-language models", "diffusion models", "robot manipulation",
    "autonomous driving", "graph neural networks", "federated learning", "speech recognition",
    "machine translation", "code generation", "mathematical reasoning",
    "retrieval-augmented generation", "multi-agent reinforcement learning", "imitation learning",
    "text-to-image generation", "video understanding", "3D reconstruction",
    "recommender systems", "time series forecasting", "protein design",
    "medical image segmentation", "continual learning", "model compression",
    "speculative decoding", "in-context learning", "tool-augmented agents", "web agents",
    "embodied agents", "reward modeling", "knowledge distillation",
    "sparse mixture-of-experts models", "long-context modeling", "post-training quantization",
    "instruction tuning", "chain-of-thought reasoning", "program synthesis", "anomaly detection",
    "point cloud segmentation", "neural radiance fields", "molecular property prediction",
    "weather forecasting", "document understanding", "open-domain question answering",
    "dialogue systems", "hate speech detection", "content moderation", "climate policy analysis",
    "self-supervised learning", "goal-conditioned imitation learning", "sequential recommendation",
]
CAPABILITIES = [
    "complex multi-step reasoning", "zero-shot generalization to unseen tasks",
    "fine-grained control of generated content", "long-horizon decision making",
    "efficient adaptation to new domains", "reliable tool use", "dexterous manipulation",
    "high-fidelity video synthesis", "accurate uncertainty estimates",
    "scalable learning from human feedback", "real-time inference on edge devices",
    "robust perception under distribution shift", "faithful summarization of long documents",
    "sample-efficient exploration", "safe deployment in open-ended environments",
]
CHALLENGES = [
    "they remain brittle under distribution shift", "training is computationally expensive",
    "reward signals are sparse and delayed", "annotations are costly to obtain",
    "existing evaluations rarely reflect real-world usage",
    "their behavior is difficult to interpret", "they often hallucinate unsupported facts",
    "the quality of the training data varies widely", "inference latency remains prohibitive",
    "exploration in high-dimensional spaces is inefficient",
    "models frequently violate task-specific policies",
    "performance degrades sharply on long inputs", "credit assignment over long horizons is hard",
    "memory costs grow with context length", "fixed heuristics fail to adapt across tasks",
]
LIMITATIONS = [
    "rely on hand-crafted heuristics that do not transfer across tasks",
    "require large amounts of labeled data", "ignore the structure of the underlying problem",
    "treat all samples equally during training", "scale poorly with the number of agents",
    "assume access to a perfect simulator", "optimize a proxy objective that is easily exploited",
    "suffer from high variance in gradient estimates",
    "discard informative signals available at inference time",
    "need expensive retraining whenever the policy changes",
    "focus on a single modality and miss cross-modal cues",
    "are evaluated only on narrow synthetic settings",
]
NOT_DOES = [
    "rely on hand-crafted heuristics", "require additional human annotation",
    "need a separate reward model", "assume access to a simulator",
    "rely on complex hierarchical policies or additional clustering",
    "discard the signals available at inference time", "require retraining for each new task",
]
CONSEQUENCES = [
    "limits their applicability in practice", "leads to unstable training",
    "wastes a large fraction of the compute budget", "results in poorly calibrated predictions",
    "makes them vulnerable to reward hacking", "hinders reproducibility",
]
APPROACH_NOUNS = ["framework", "method", "algorithm", "approach", "training recipe", "pipeline",
                  "architecture", "benchmark", "toolkit", "objective"]
APPROACH_ADJS = ["simple yet effective", "principled", "scalable", "lightweight", "modular",
                 "general-purpose", "theoretically grounded", "plug-and-play", "novel",
                 "training-free", "hierarchical"]
DOES = [
    "decouples representation learning from policy optimization",
    "dynamically selects the most informative training samples",
    "learns a compact latent space for planning",
    "distills a large teacher into a small student without loss in quality",
    "reuses intermediate computations to reduce latency",
    "jointly optimizes the retriever and the generator",
    "models uncertainty explicitly at every decision step",
    "aligns the model with fine-grained human preferences",
    "generates its own curriculum of increasingly difficult tasks",
    "combines a learned world model with tree search",
    "filters noisy rewards before each policy update",
    "adapts the rank of low-rank adapters to each layer",
    "verifies intermediate reasoning steps with a lightweight critic",
    "mixes on-policy and off-policy data in a single objective",
]
DETAIL_VERBS = ["leverages", "combines", "introduces", "learns", "employs", "maintains",
                "estimates", "constructs"]
DETAIL_OBJS = [
    "a variance-aware sampling scheme", "a contrastive auxiliary loss", "a hierarchical memory",
    "a bi-level objective", "a token-level reward signal", "a diffusion-based action head",
    "a graph of sub-goals", "a mixture of specialized experts", "an entropy-based filter",
    "a learned value baseline", "a retrieval index over past trajectories",
    "a calibrated confidence estimate", "a set of reusable skills",
]
DETAIL_PURPOSES = [
    "to stabilize training", "to guide exploration", "to reduce the memory footprint",
    "to improve sample efficiency", "to capture long-range dependencies",
    "to enable fast adaptation", "for effective credit assignment",
    "without additional human annotation", "at negligible computational overhead",
]
THEORY = [
    "convergence guarantees under mild assumptions", "a regret bound that matches the lower bound",
    "a finite-sample analysis of the estimator", "an information-theoretic characterization",
    "sufficient conditions for monotonic improvement",
]
METRICS = ["accuracy", "success rate", "win rate", "F1 score", "pass@1", "exact match",
           "average return", "BLEU", "mean IoU", "top-1 accuracy", "AUROC", "recall@10",
           "task completion rate", "preference accuracy", "normalized score"]
COSTS = ["inference latency", "training time", "peak memory", "the number of queries",
         "communication cost", "energy consumption", "the number of denoising steps",
         "GPU hours", "token usage"]
BASELINES = ["the strongest baseline", "PPO", "DPO", "GRPO", "standard fine-tuning",
             "prior state-of-the-art methods", "behavior cloning", "vanilla RLHF",
             "LoRA", "supervised fine-tuning", "existing methods", "the best open-source model"]

BENCHMARKS = [
    "MMLU", "GSM8K", "HumanEval", "MATH", "MBPP", "ARC-Challenge", "HellaSwag", "TruthfulQA",
    "Big-Bench Hard (BBH)", "AlpacaEval 2.0", "MT-Bench", "ImageNet", "COCO", "SWE-bench Verified",
    "LiveCodeBench", "AIME 2024", "GPQA", "MuJoCo", "D4RL", "Atari", "Meta-World", "LIBERO",
    "CALVIN", "nuScenes", "NAVSIM", "VQAv2", "MMMU", "MathVista", "ScienceQA", "WebArena",
    "ALFWorld", "HotpotQA", "Natural Questions", "SQuAD", "GLUE", "SuperGLUE", "WMT",
    "LongBench", "RULER", "Arena-Hard", "IFEval", "ToxicChat", "VirtualHome", "SMAC",
    "DeepMind Control Suite", "Arcade Learning Environment (ALE)", "Procgen", "NetHack",
    "MiniGrid", "Habitat", "CIFAR-10", "CIFAR-100", "Kinetics-400", "ScanNet", "KITTI",
    "MS MARCO", "BEIR", "TabMWP", "Alpaca", "HH-RLHF", "OpenAI Moderation Evaluation dataset",
]
BENCH_NOUNS = ["benchmark", "benchmarks", "dataset", "datasets", "tasks", "suite"]

# Written names of organisations, as they appear in running text.
ORGS_TEXT = [
    "OpenAI", "Google DeepMind", "DeepMind", "Google Research", "Microsoft", "Microsoft Research",
    "Meta AI", "Anthropic", "NVIDIA", "Hugging Face", "Stanford University", "MIT",
    "Carnegie Mellon University", "UC Berkeley", "Tsinghua University", "Peking University",
    "University of Oxford", "Alibaba", "Tencent", "ByteDance", "Amazon", "Apple", "IBM Research",
    "Allen Institute for AI", "Mila", "ETH Zurich", "EPFL", "University of Minnesota",
    "Salesforce", "Samsung", "Baidu", "Huawei", "University of Toronto", "KAIST",
]
# Hugging Face organisation lines: (handle, display name).
HF_ORGS = [
    ("amazon", "Amazon"), ("google", "Google"), ("microsoft", "Microsoft"), ("nvidia", "NVIDIA"),
    ("facebook", "AI at Meta"), ("meta-llama", "Meta Llama"), ("allenai", "Ai2"),
    ("Qwen", "Qwen"), ("deepseek-ai", "DeepSeek"), ("OpenGVLab", "OpenGVLab"),
    ("THUDM", "Knowledge Engineering Group (KEG) & Data Mining at Tsinghua University"),
    ("stanford-crfm", "Stanford CRFM"), ("JerzakLabs", "Jerzak Labs"),
    ("ZhiHuangLab", "Zhi Huang Lab"), ("huggingface", "Hugging Face"), ("apple", "Apple"),
    ("Salesforce", "Salesforce"), ("ibm-granite", "IBM Granite"), ("mistralai", "Mistral AI"),
    ("HuggingFaceTB", "Hugging Face Smol Models Research"), ("bytedance-research", "ByteDance Research"),
    ("intel", "Intel"), ("ServiceNow-AI", "ServiceNow-AI"), ("UCSC-VLAA", "UCSC-VLAA"),
]
GITHUB_ORG_OWNERS = [
    "microsoft", "google-research", "facebookresearch", "OpenGVLab", "THUDM", "allenai",
    "huggingface", "NVIDIA", "apple", "salesforce", "intel", "Stanford-ILIAD", "mit-han-lab",
    "LAMDA-RL", "Cornell-RL", "hustvl", "ML-GSAI", "intuitive-robots", "climatepolicyradar",
    "QwenLM", "deepseek-ai", "openai", "google-deepmind", "tencent-ailab", "alibaba",
    "bytedance", "PKU-Alignment", "hkust-nlp", "princeton-nlp", "stanfordnlp", "uw-madison-lab",
]
HF_OWNERS = ["meta-llama", "Qwen", "deepseek-ai", "mistralai", "allenai", "google", "microsoft",
             "nvidia", "infly", "HuggingFaceH4", "openbmb", "ClimatePolicyRadar", "OpenGVLab",
             "TIGER-Lab", "princeton-nlp", "EleutherAI", "bigcode", "BAAI"]

FIRST_NAMES = [
    "Wei", "Yifei", "Zhang", "Jing", "Hao", "Xin", "Lei", "Kun", "Ahmed", "Matias", "Shuo",
    "Mike", "Daniel", "Sarah", "Maria", "Anna", "John", "David", "Emily", "Hiroshi", "Yuki",
    "Kenji", "Priya", "Arjun", "Rahul", "Fatima", "Omar", "Lucas", "Sofia", "Elena", "Ivan",
    "Olga", "Pierre", "Camille", "Hans", "Lena", "Mateo", "Chen", "Min-jun", "Ji-woo", "Tobias",
    "Nadia", "Ines", "Bruno", "Felix", "Clara", "Jonas", "Aisha", "Kwame", "Li", "Ying", "Tao",
]
LAST_NAMES = [
    "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Smith", "Johnson", "Williams", "Brown",
    "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin",
    "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "Kim", "Park",
    "Lee", "Choi", "Tanaka", "Suzuki", "Sato", "Nakamura", "Kumar", "Singh", "Sharma", "Patel",
    "Rossi", "Bianchi", "Dubois", "Lefebvre", "Schmidt", "Schneider", "Fischer", "Weber",
    "Ivanov", "Petrov", "Novak", "Kowalski", "Silva", "Santos", "Pereira", "Alvo", "Sang",
    "Heakl", "Baheti", "Theran", "Streinu", "Nadolsky", "Berger", "Yuan",
]
# (LaTeX spelling used in the arXiv "authors" string, Unicode spelling used in "authors_parsed")
ACCENTED_LAST = [
    ("Bal\\'azs", "Bal\u00e1zs"), ("M\\\"uller", "M\u00fcller"), ("Garc\\'ia", "Garc\u00eda"),
    ("Nov\\'ak", "Nov\u00e1k"), ("Sch\\\"onberg", "Sch\u00f6nberg"), ("Jim\\'enez", "Jim\u00e9nez"),
    ("Dvo\\v{r}\\'ak", "Dvo\u0159\u00e1k"), ("Ga\\\"el", "Ga\u00ebl"), ("Br\\aa ten", "Br\u00e5ten"),
    ("\\\"Ozt\\\"urk", "\u00d6zt\u00fcrk"),
]
NEW_CATEGORIES = [
    "cs.LG", "cs.LG cs.AI", "cs.CL", "cs.CL cs.AI cs.LG", "cs.CV", "cs.CV cs.LG", "cs.RO",
    "cs.RO cs.AI cs.LG", "stat.ML cs.LG", "cs.AI", "cs.IR", "cs.MA cs.AI", "eess.SY cs.SY",
    "cs.SE cs.CL", "cs.CR cs.LG", "q-bio.QM cs.LG", "cs.NE", "math.OC cs.LG", "eess.AS cs.SD",
    "physics.ao-ph cs.LG", "cs.HC cs.CL", "cs.CY cs.CL",
]
OLD_ARCHIVES = ["hep-th", "hep-ph", "cond-mat", "math", "astro-ph", "quant-ph", "cs", "physics",
                "gr-qc", "nlin"]
OLD_CATEGORIES = {
    "hep-th": ["hep-th", "hep-th gr-qc"], "hep-ph": ["hep-ph", "hep-ph hep-ex"],
    "cond-mat": ["cond-mat.stat-mech", "cond-mat.dis-nn cs.LG", "cond-mat.mes-hall"],
    "math": ["math.CO", "math.PR", "math.OC", "math.ST stat.TH"], "astro-ph": ["astro-ph"],
    "quant-ph": ["quant-ph"], "cs": ["cs.LG", "cs.AI", "cs.CL", "cs.NE cs.AI"],
    "physics": ["physics.data-an", "physics.comp-ph"], "gr-qc": ["gr-qc"],
    "nlin": ["nlin.AO", "nlin.CD"],
}
LICENSES = [
    "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    "http://creativecommons.org/licenses/by/4.0/",
    "http://creativecommons.org/licenses/by-nc-sa/4.0/",
    "http://creativecommons.org/licenses/by-nc-nd/4.0/",
    "http://creativecommons.org/publicdomain/zero/1.0/",
]
VENUES = ["NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "CVPR", "ICCV", "ECCV", "CoRL", "ICRA",
          "AAAI", "IJCAI", "KDD", "NAACL", "COLM", "AISTATS", "UAI", "RSS", "IROS", "WWW"]
JOURNALS = ["Phys.Rev.D{v}:{p},{y}", "J. Mach. Learn. Res. {v} ({y}) {p}-{q}",
            "IEEE Trans. Pattern Anal. Mach. Intell. {v} ({y}) {p}-{q}",
            "Nature Machine Intelligence {v}, {p} ({y})", "Neural Computation {v}({y}) {p}-{q}",
            "Eur. Phys. J. - B, {v}, {p}-{q} ({y})", "Transactions on Machine Learning Research ({y})"]
DOI_PREFIXES = ["10.1103/PhysRevD", "10.1145/3580305", "10.1109/TPAMI", "10.1038/s42256-023",
                "10.1162/neco_a", "10.1016/j.artint", "10.1007/s10994-024", "10.18653/v1/2023.acl-long",
                "10.5281/zenodo"]

# Model families for parameter-count tokens: (prefix, typical sizes).
MODEL_FAMILIES = [
    ("Llama-2-", ["7B", "13B", "70B"]), ("Llama2-", ["7b", "13b", "70b"]),
    ("Llama-3-", ["8B", "70B"]), ("LLaMa3.1-", ["8B", "70B", "405B"]),
    ("Llama-3.2-", ["1B", "3B"]), ("Qwen2.5-", ["0.5B", "1.5B", "3B", "7B", "14B", "32B", "72B"]),
    ("Qwen3-", ["0.6B", "1.7B", "4B", "8B", "14B", "32B"]), ("Qwen2.5-Math-", ["1.5B", "7B"]),
    ("Mistral-", ["7B"]), ("Gemma-2-", ["2B", "9B", "27B"]), ("OLMo-2-", ["7B", "13B"]),
    ("DeepSeek-R1-Distill-Qwen-", ["1.5B", "7B", "14B", "32B"]), ("Vicuna-", ["7B", "13B"]),
    ("Phi-3-mini-", ["3.8B"]), ("Falcon-", ["7B", "40B", "180B"]), ("CodeLlama-", ["7B", "34B"]),
    ("InternVL2-", ["2B", "8B", "26B"]), ("LLaVA-1.5-", ["7B", "13B"]), ("Pythia-", ["160M", "1.4B", "6.9B", "12B"]),
]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twenty"]

SLUG_WORDS = ["policy", "agent", "bench", "rl", "lm", "vision", "reason", "plan", "guard",
              "flow", "diff", "align", "nav", "grasp", "code", "math", "web", "world", "data",
              "eval", "prm", "moe", "fm", "mdt", "beso", "uni", "trim", "sep"]

# --------------------------------------------------------------------------------------------
# Small helpers (hot paths avoid rng.choice for speed: ~3x cheaper)
# --------------------------------------------------------------------------------------------


def pick(rnd, seq):
    return seq[int(rnd() * len(seq))]


def pct_value(rnd):
    """A percentage value as written: integral or with one/two decimals."""
    x = rnd()
    if x < 0.25:
        return str(int(rnd() * 98) + 1)
    if x < 0.85:
        return "%.1f" % (rnd() * 98 + 0.5)
    return "%.2f" % (rnd() * 98 + 0.5)


def small_gain(rnd):
    return "%.1f" % (rnd() * 14 + 0.3)


def mult_value(rnd):
    x = rnd()
    if x < 0.5:
        return "%.2f" % (rnd() * 4 + 1.05)
    if x < 0.8:
        return "%.1f" % (rnd() * 9 + 1.1)
    return str(int(rnd() * 30) + 2)


def slugify(name):
    s = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
    return s


# --------------------------------------------------------------------------------------------
# Extractable mentions
# --------------------------------------------------------------------------------------------


def percent_phrase(rnd, counts):
    """A percentage mention (or two for 'from A% to B%')."""
    counts["numbers"] += 1
    x = rnd()
    if x < 0.50:
        return pct_value(rnd) + "%"
    if x < 0.60:
        return "+" + small_gain(rnd) + "%"
    if x < 0.66:
        return "%s/%s/%s%%" % (pct_value(rnd), pct_value(rnd), pct_value(rnd))
    if x < 0.80:
        counts["numbers"] += 1
        a = rnd() * 60 + 20
        b = a + rnd() * (99 - a)
        return "from %.1f%% to %.1f%%" % (a, b)
    if x < 0.87:
        return pct_value(rnd) + "\\%"
    if x < 0.93:
        return str(int(rnd() * 60) + 5) + " percent"
    if x < 0.97:
        return "<" + str(int(rnd() * 30) + 2) + "%"
    return "~" + pct_value(rnd) + "%"


def mult_phrase(rnd, counts):
    counts["numbers"] += 1
    x = rnd()
    if x < 0.40:
        return mult_value(rnd) + "x"
    if x < 0.55:
        return str(int(rnd() * 9) + 2) + "\u00d7"
    if x < 0.72:
        return str(pick(rnd, [2, 3, 4, 5, 10, 20, 50, 100, 500])) + " times"
    if x < 0.82:
        a = rnd() * 2 + 1.1
        return "%.1f - %.1f times" % (a, a + rnd() * 8 + 0.5)
    if x < 0.92:
        return pick(rnd, NUMBER_WORDS) + " times"
    return str(pick(rnd, [5, 10, 20])) + "times"


def model_size_phrase(rnd, counts):
    x = rnd()
    counts["model_sizes"] += 1
    if x < 0.60:
        fam, sizes = pick(rnd, MODEL_FAMILIES)
        return fam + pick(rnd, sizes)
    if x < 0.70:
        return "a %d-billion parameter model" % pick(rnd, [1, 3, 7, 8, 13, 34, 70])
    if x < 0.78:
        return "%d-billion-parameter models" % pick(rnd, [7, 13, 70])
    if x < 0.88:
        counts["model_sizes"] += 1
        a = pick(rnd, ["0.5B", "1.5B", "1.8B", "3B"])
        return "models from %s to %s" % (a, pick(rnd, ["7B", "14B", "32B", "70B"]))
    if x < 0.94:
        counts["model_sizes"] += 1
        return "the %s and %s variants" % (pick(rnd, ["1B", "2B", "4B", "7B"]),
                                           pick(rnd, ["13B", "32B", "70B"]))
    return "scales from %d to %dB parameters" % (pick(rnd, [1, 3, 7]), pick(rnd, [13, 30, 70]))


def benchmark_list(rnd, counts, k=None):
    if k is None:
        k = 1 + int(rnd() * 4)
    names = []
    while len(names) < k:
        b = pick(rnd, BENCHMARKS)
        if b not in names:
            names.append(b)
    counts["benchmarks"] += k
    if k == 1:
        return names[0]
    if k == 2:
        return names[0] + " and " + names[1]
    return ", ".join(names[:-1]) + ", and " + names[-1]


def github_owner(rnd):
    x = rnd()
    if x < 0.35:
        return pick(rnd, GITHUB_ORG_OWNERS)
    first = pick(rnd, FIRST_NAMES).lower().replace("-", "")
    last = pick(rnd, LAST_NAMES)
    y = rnd()
    if y < 0.3:
        return first + last.lower() + str(int(rnd() * 99))
    if y < 0.55:
        return first[0].upper() + first[1:2].upper() + last
    if y < 0.8:
        return last.lower() + first[:2] + str(int(rnd() * 30))
    return first + "-" + last.lower()


def link(rnd, name, counts):
    """A link as written in the abstract (no sentence punctuation)."""
    counts["links"] += 1
    x = rnd()
    repo = name if rnd() < 0.6 else slugify(name).lower() + pick(rnd, ["", "-rl", "_code", "-website", "-official"])
    if x < 0.42:
        return "https://github.com/%s/%s" % (github_owner(rnd), repo)
    if x < 0.47:
        return "github.com/%s/%s" % (github_owner(rnd), repo)
    if x < 0.49:
        return "https://github.com/%s/%s/tree/main/%s" % (github_owner(rnd), repo, pick(rnd, SLUG_WORDS))
    if x < 0.58:
        return "https://%s.github.io/" % slugify(name).lower() + ("" if rnd() < 0.6 else pick(rnd, SLUG_WORDS) + "/")
    if x < 0.64:
        return "https://%s.github.io/%s" % (github_owner(rnd).lower(), slugify(name))
    if x < 0.68:
        return "https://sites.google.com/view/%s-%s" % (slugify(name).lower(), pick(rnd, SLUG_WORDS))
    if x < 0.74:
        return "https://huggingface.co/datasets/%s/%s" % (pick(rnd, HF_OWNERS), slugify(name) + pick(rnd, ["", "-Bench", "-data", "-v1"]))
    if x < 0.78:
        return "https://huggingface.co/spaces/%s/%s" % (github_owner(rnd), slugify(name) + pick(rnd, ["", "-demo"]))
    if x < 0.80:
        return "huggingface.co/spaces/%s/%s" % (pick(rnd, HF_OWNERS), slugify(name))
    if x < 0.86:
        return "https://huggingface.co/%s/%s-%s" % (pick(rnd, HF_OWNERS), slugify(name), pick(rnd, ["7B", "1.5B", "8B", "Base", "Instruct", "v1"]))
    if x < 0.89:
        return "https://aka.ms/%s" % slugify(name).lower()
    if x < 0.92:
        return "https://www.%s.ai/" % slugify(name).lower()
    if x < 0.95:
        return "https://arxiv.org/abs/%02d%02d.%05d" % (int(rnd() * 10) + 15, int(rnd() * 12) + 1, int(rnd() * 99999))
    if x < 0.97:
        return "https://doi.org/10.5281/zenodo.%d" % (1000000 + int(rnd() * 9000000))
    return "https://%s.%s/%s" % (slugify(name).lower(), pick(rnd, ["org", "io", "dev", "net"]), pick(rnd, SLUG_WORDS))


def link_sentence(rnd, name, counts):
    u = link(rnd, name, counts)
    x = rnd()
    if x < 0.12:
        # two links
        u2 = link(rnd, name, counts)
        return "Code and data are available at %s and %s." % (u, u2)
    if x < 0.22:
        return "Our code is publicly available (%s)." % u
    if x < 0.28:
        return "We release code, models and data (%s), and hope it facilitates future research." % u
    if x < 0.34:
        return "Project page: %s" % u
    if x < 0.38:
        return "Videos are available at %s ." % u
    if x < 0.44:
        return "Code: %s, data and checkpoints will follow." % u
    if x < 0.50:
        return "Supplementary material is available at %s." % u
    return pick(rnd, [
        "Code is available at %s.",
        "Our code and models are publicly available at %s.",
        "The code and dataset are released at %s.",
        "Code and models will be open-sourced at %s.",
        "Demonstrations and code are available at %s",
        "All resources are released at %s.",
        "We make our implementation available at %s.",
    ]) % u


# --------------------------------------------------------------------------------------------
# Titles and names (generated in sequence with the structure RNG; uniqueness enforced)
# --------------------------------------------------------------------------------------------


def make_name(rnd):
    x = rnd()
    if x < 0.35:
        n = 3 + int(rnd() * 4)
        return "".join(ACRO_LETTERS[int(rnd() * len(ACRO_LETTERS))] for _ in range(n))
    if x < 0.70:
        n = 1 + int(rnd() * 3)
        return pick(rnd, NAME_PARTS) + "".join(ACRO_LETTERS[int(rnd() * 26)] for _ in range(n))
    if x < 0.88:
        return pick(rnd, NAME_PARTS) + pick(rnd, NAME_PARTS)
    return pick(rnd, NAME_PARTS) + pick(rnd, NAME_SUFFIXES)


def make_title(rnd, name):
    t = int(rnd() * 14)
    A, N, T, M, G = T_ADJ, T_NOUN, T_TASK, T_METHOD, T_GERUND
    if t == 0:
        return "%s: %s %s for %s" % (name, pick(rnd, A), pick(rnd, N), pick(rnd, T))
    if t == 1:
        return "%s: %s %s with %s" % (name, pick(rnd, G), pick(rnd, T), pick(rnd, M))
    if t == 2:
        return "%s %s for %s via %s" % (pick(rnd, A), pick(rnd, N), pick(rnd, T), pick(rnd, M))
    if t == 3:
        return "%s %s %s in %s" % (pick(rnd, G), pick(rnd, A), pick(rnd, N), pick(rnd, T))
    if t == 4:
        return "Towards %s %s for %s with %s" % (pick(rnd, A), pick(rnd, N), pick(rnd, T), pick(rnd, M))
    if t == 5:
        return "On the %s of %s %s in %s" % (pick(rnd, T_PROP), pick(rnd, A), pick(rnd, N), pick(rnd, T))
    if t == 6:
        return "%s %s Are %s %s" % (pick(rnd, A), pick(rnd, M), pick(rnd, T_ROLE_ADJ), pick(rnd, T_ROLE))
    if t == 7:
        return "%s: A Benchmark for %s %s in %s" % (name, pick(rnd, A), pick(rnd, N), pick(rnd, T))
    if t == 8:
        return "Beyond %s: %s %s for %s" % (pick(rnd, N), pick(rnd, A), pick(rnd, N), pick(rnd, T))
    if t == 9:
        return "%s %s with %s: %s" % (pick(rnd, A), pick(rnd, N), pick(rnd, M), pick(rnd, T_STUDY))
    if t == 10:
        return "Do %s Really Need %s %s?" % (pick(rnd, T), pick(rnd, A), pick(rnd, N))
    if t == 11:
        return "%s: %s %s %s from %s" % (name, pick(rnd, G), pick(rnd, A), pick(rnd, N), pick(rnd, T_SOURCE))
    if t == 12:
        return "%s: %s %s and %s for %s" % (name, pick(rnd, A), pick(rnd, N), pick(rnd, N), pick(rnd, T))
    return "%s %s for %s %s" % (pick(rnd, G), pick(rnd, M), pick(rnd, A), pick(rnd, T))


TITLE_KEY_RE = re.compile(r"[^a-z0-9]+")


def title_key(title):
    """Aggressive normalisation: two titles equal under it would be merged by any sane dedupe."""
    return TITLE_KEY_RE.sub("", title.lower())


# --------------------------------------------------------------------------------------------
# Papers (a pure function of (seed, uid, title, name))
# --------------------------------------------------------------------------------------------


class Paper:
    __slots__ = ("uid", "title", "name", "abstract", "date", "n_authors", "org", "upvotes",
                 "no_year", "counts")


def paper_rng_seed(seed, uid):
    return (seed & 0xFFFFFFFF) * 0x1000003 + uid * 2 + 1


def random_date(rnd):
    x = rnd()
    if x < 0.03:
        y = 1992 + int(rnd() * 15)       # old-style arXiv ids
    elif x < 0.10:
        y = 2007 + int(rnd() * 8)        # 4-digit new-style ids
    else:
        y = 2015 + int(rnd() * 11)       # 5-digit new-style ids
        if rnd() < 0.5:
            y = 2023 + int(rnd() * 3)
    if y == 2007:
        m = 4 + int(rnd() * 9)           # new-style ids start in April 2007
    else:
        m = 1 + int(rnd() * 12)
    d = 1 + int(rnd() * DAYS_IN_MONTH[m - 1])
    return (y, m, d)


def gen_paper(seed, uid, title, name):
    r = random.Random(paper_rng_seed(seed, uid))
    rnd = r.random
    p = Paper()
    p.uid = uid
    p.title = title
    p.name = name
    p.date = random_date(rnd)
    x = rnd()
    if x < 0.55:
        p.n_authors = 2 + int(rnd() * 7)
    elif x < 0.92:
        p.n_authors = 1 + int(rnd() * 15)
    else:
        p.n_authors = 10 + int(rnd() * 40)
    p.org = pick(rnd, HF_ORGS) if rnd() < 0.10 else None
    x = rnd()
    p.upvotes = 0 if x < 0.70 else (1 + int(rnd() * 4) if x < 0.93 else 5 + int(rnd() * 200))
    p.no_year = rnd() < 0.02
    counts = {"links": 0, "numbers": 0, "model_sizes": 0, "benchmarks": 0, "orgs": 0}
    p.abstract = gen_abstract(r, rnd, name, counts)
    p.counts = counts
    return p


FINDINGS = [
    "performance is governed by the diversity of the training data rather than its size",
    "a small number of tokens carries most of the learning signal",
    "the learned representations transfer across embodiments",
    "most failures stem from errors in the early planning steps",
    "the benefit grows with the difficulty of the task",
    "calibration and accuracy can be improved jointly",
    "simple baselines are competitive when tuned carefully",
    "the choice of reward model matters more than the optimizer",
    "longer contexts help only when retrieval is accurate",
    "gains persist under strong distribution shift",
]
SETTINGS = [
    "simulated and real-world robotic tasks", "both controller state-based and pixel-based environments",
    "a range of reasoning and coding tasks", "synthetic and real-world graphs",
    "several non-IID federated settings", "multilingual and low-resource settings",
    "long-horizon navigation tasks", "offline and online settings",
    "a suite of continuous control tasks", "commonsense, arithmetic, and recommendation tasks",
]
CLOSINGS = [
    "Our results demonstrate state-of-the-art performance in various tasks, pointing towards a practical pathway for deployment.",
    "These findings suggest a promising direction for building more reliable systems.",
    "Overall, our work advances an explanatory and predictive account of the phenomenon.",
    "We hope this work serves as a foundation for future research in this area.",
    "The approach is simple to implement and compatible with existing training pipelines.",
    "We discuss limitations and outline directions for future work.",
    "Extensive experiments verify the effectiveness of the proposed method.",
    "Our analysis highlights key takeaways for practitioners who deploy such systems at scale.",
    "To the best of our knowledge, this is the first work that addresses this setting end to end.",
    "Both simulations and real-world experiments show the feasibility of the approach.",
]


def filler_sentence(k, rnd, name, field):
    """One of 16 generic (non-extractable) sentence shapes; k selects the shape."""
    if k == 0:
        lead = pick(rnd, ["Specifically, ", "Concretely, ", "In particular, ", "Technically, ", ""])
        return "%s%s %s %s %s." % (lead, name, pick(rnd, DETAIL_VERBS), pick(rnd, DETAIL_OBJS), pick(rnd, DETAIL_PURPOSES))
    if k == 1:
        return "We further %s %s." % (pick(rnd, ["derive", "provide", "establish", "prove"]), pick(rnd, THEORY))
    if k == 2:
        return "Unlike previous methods such as %s or %s, %s does not %s." % (pick(rnd, BASELINES), pick(rnd, BASELINES), name, pick(rnd, NOT_DOES))
    if k == 3:
        return "Our analysis shows that %s." % pick(rnd, FINDINGS)
    if k == 4:
        return "We evaluate %s on %s and find that %s." % (name, pick(rnd, SETTINGS), pick(rnd, FINDINGS))
    if k == 5:
        return "The %s is %s, which allows %s to %s." % (pick(rnd, ["critic", "planner", "encoder", "reward model", "verifier", "router"]), pick(rnd, ["trained jointly with the policy", "kept frozen during adaptation", "updated asynchronously", "shared across tasks"]), name, pick(rnd, ["scale to long horizons", "adapt to new tasks quickly", "reuse past experience", "run on a single GPU", "recover from its own mistakes"]))
    if k == 6:
        return "Moreover, %s can be combined with %s %s." % (name, pick(rnd, T_METHOD).lower(), pick(rnd, DETAIL_PURPOSES))
    if k == 7:
        return "We formulate %s as %s and solve it with %s." % (pick(rnd, ["the problem", "training", "data selection", "exploration", "the alignment objective"]), pick(rnd, ["a constrained optimization problem", "a Markov decision process", "a bi-level program", "a sequence modeling task", "a two-player game"]), pick(rnd, T_METHOD).lower())
    if k == 8:
        return "To this end, we %s %s that %s." % (pick(rnd, ["design", "construct", "curate", "develop"]), pick(rnd, ["a large-scale dataset", "a diagnostic benchmark", "a synthetic environment", "an evaluation protocol", "a taxonomy of failure modes"]), pick(rnd, ["covers a wide range of realistic scenarios", "isolates the effect of each component", "reflects real-world usage", "enables controlled comparisons"]))
    if k == 9:
        return "A key insight is that %s." % pick(rnd, FINDINGS)
    if k == 10:
        return "%s%s %s, but %s." % (field[0].upper(), field[1:], pick(rnd, ["has been studied extensively", "is attracting growing attention", "is increasingly important"]), pick(rnd, CHALLENGES))
    if k == 11:
        return "This design %s while %s." % (pick(rnd, ["reduces variance", "improves robustness", "simplifies deployment", "keeps the computational cost of each update constant"]), pick(rnd, ["preserving the expressiveness of the model", "requiring no additional supervision", "remaining compatible with standard optimizers", "scaling gracefully with model size"]))
    if k == 12:
        return "We additionally provide extensive ablation studies to demonstrate the contribution of %s." % pick(rnd, ["each component", "the auxiliary loss", "the sampling scheme", "the memory module"])
    if k == 13:
        return "The two modules are optimized %s, with the %s trained under %s." % (pick(rnd, ["alternately", "jointly", "end to end"]), pick(rnd, ["critic", "student", "discriminator", "verifier"]), pick(rnd, ["a conservative objective", "a contrastive loss", "the classifier-free guidance paradigm", "a KL constraint"]))
    if k == 14:
        return "Existing %s %s." % (pick(rnd, ["approaches", "benchmarks", "pipelines", "methods"]), pick(rnd, LIMITATIONS))
    return "%s %s %s." % (name, pick(rnd, ["is evaluated on", "is validated across", "generalizes to"]), pick(rnd, SETTINGS))


N_FILLERS = 16


def gen_abstract(r, rnd, name, counts):
    field = pick(rnd, FIELDS)
    s = []
    # context
    x = rnd()
    if x < 0.2:
        s.append("%s%s has emerged as a %s %s for %s." % (field[0].upper(), field[1:], pick(rnd, ["promising", "powerful", "popular", "widely used"]), pick(rnd, ["paradigm", "approach", "framework"]), pick(rnd, CAPABILITIES)))
    elif x < 0.4:
        s.append("Recent advances in %s have enabled %s, yet %s." % (field, pick(rnd, CAPABILITIES), pick(rnd, CHALLENGES)))
    elif x < 0.6:
        s.append("Despite %s progress in %s, %s." % (pick(rnd, ["remarkable", "rapid", "impressive", "steady"]), field, pick(rnd, CHALLENGES)))
    elif x < 0.8:
        s.append("%s%s %s %s, and %s." % (field[0].upper(), field[1:], pick(rnd, ["is", "remains"]), pick(rnd, ["a central problem in machine learning", "a key challenge for real-world deployment", "an open problem", "an active area of research"]), pick(rnd, CHALLENGES)))
    else:
        s.append("Operating %s in %s is increasingly challenged by the fact that %s." % (field, pick(rnd, ["resource-constrained settings", "open-ended environments", "safety-critical applications", "the real world"]), pick(rnd, CHALLENGES)))
    if rnd() < 0.02:  # a rare very short abstract
        s.append("We propose %s, a %s %s that %s." % (name, pick(rnd, APPROACH_ADJS), pick(rnd, APPROACH_NOUNS), pick(rnd, DOES)))
        return " ".join(s)
    if rnd() < 0.6:
        if rnd() < 0.5:
            s.append("However, existing methods %s, which %s." % (pick(rnd, LIMITATIONS), pick(rnd, CONSEQUENCES)))
        else:
            s.append("Prior approaches %s." % pick(rnd, LIMITATIONS))
    # method
    x = rnd()
    if x < 0.35:
        s.append("In this paper, we propose %s, a %s %s that %s." % (name, pick(rnd, APPROACH_ADJS), pick(rnd, APPROACH_NOUNS), pick(rnd, DOES)))
    elif x < 0.6:
        s.append("To address this, we present %s, a %s %s for %s." % (name, pick(rnd, APPROACH_ADJS), pick(rnd, APPROACH_NOUNS), field))
    elif x < 0.8:
        s.append("We introduce %s, which %s." % (name, pick(rnd, DOES)))
    else:
        s.append("We study %s from the perspective of %s and develop %s, a %s %s." % (field, pick(rnd, ["optimization", "causality", "information theory", "game theory", "data quality", "robustness"]), name, pick(rnd, APPROACH_ADJS), pick(rnd, APPROACH_NOUNS)))
    # what the tail will contain
    x = rnd()
    n_results = 0 if x < 0.45 else (1 if x < 0.80 else (2 if x < 0.95 else 3))
    tail = []
    for _ in range(n_results):
        tail.append(results_sentence(r, rnd, name, counts))
    if rnd() < 0.22:
        tail.append("Experiments on %s %s show that %s %s %s." % (benchmark_list(rnd, counts), pick(rnd, BENCH_NOUNS), name, pick(rnd, ["consistently outperforms", "matches or exceeds", "substantially improves over"]), pick(rnd, BASELINES)))
    if rnd() < 0.08:
        tail.append(org_sentence(rnd, counts))
    if rnd() < 0.12:
        tail.append(noise_sentence(rnd, name))
    if rnd() < 0.5:
        tail.append(pick(rnd, CLOSINGS))
    # generic middle, up to a target length, never repeating a sentence shape
    target = 800 + int(rnd() * 1100)
    size = sum(len(t) + 1 for t in s) + sum(len(t) + 1 for t in tail)
    shapes = list(range(N_FILLERS))
    while size < target and shapes:
        k = shapes.pop(int(rnd() * len(shapes)))
        f = filler_sentence(k, rnd, name, field)
        s.append(f)
        size += len(f) + 1
    # results usually come late, but not always last
    for t in tail:
        s.insert(len(s) - int(rnd() * 2) if len(s) > 3 else len(s), t)
    if rnd() < 0.38:
        s.append(link_sentence(rnd, name, counts))
    elif rnd() < 0.05:
        s.append("This paper extends our earlier conference version (arXiv:%02d%02d.%05d) with new experiments." % (15 + int(rnd() * 10), 1 + int(rnd() * 12), int(rnd() * 99999)))
    elif rnd() < 0.04:
        s.append("The published version is available at doi:%s.%d." % (pick(rnd, DOI_PREFIXES), 1000 + int(rnd() * 90000)))
    return " ".join(s)


def results_sentence(r, rnd, name, counts):
    x = rnd()
    if x < 0.16:
        return "On %s, %s improves %s by %s over %s." % (benchmark_list(rnd, counts, 1), name, pick(rnd, METRICS), percent_phrase(rnd, counts), pick(rnd, BASELINES))
    if x < 0.26:
        return "Experiments on %s %s demonstrate that %s improves performance by up to %s, while introducing marginal computational overhead." % (benchmark_list(rnd, counts), pick(rnd, BENCH_NOUNS), name, percent_phrase(rnd, counts))
    if x < 0.34:
        counts["numbers"] += 2
        a = rnd() * 40 + 30
        b = rnd() * 20 + 71
        return "For instance, %s could improve %s from %.1f%% to %.1f%% on %s." % (model_size_phrase(rnd, counts), pick(rnd, METRICS), a, b, benchmark_list(rnd, counts, 1))
    if x < 0.42:
        return "Our adaptive method achieves a %s speedup on the %s dataset (an additional %s improvement over the baseline)." % (mult_phrase(rnd, counts), pick(rnd, BENCHMARKS), percent_phrase(rnd, counts))
    if x < 0.50:
        return "Starting from %s, %s achieves %s and %s %s on %s, respectively." % (model_size_phrase(rnd, counts), name, percent_phrase(rnd, counts), percent_phrase(rnd, counts), pick(rnd, METRICS), benchmark_list(rnd, counts, 2))
    if x < 0.58:
        return "%s reduces %s by %s and is %s faster than %s." % (name, pick(rnd, COSTS), percent_phrase(rnd, counts), mult_phrase(rnd, counts), pick(rnd, BASELINES))
    if x < 0.66:
        return "Training %s with %s results in a %s relative improvement in %s." % (model_size_phrase(rnd, counts), name, percent_phrase(rnd, counts), pick(rnd, METRICS))
    if x < 0.72:
        return "Empirically, %s attains %s %s on %s, surpassing %s by %s while using only %s of the parameters." % (name, percent_phrase(rnd, counts), pick(rnd, METRICS), benchmark_list(rnd, counts, 1), pick(rnd, BASELINES), percent_phrase(rnd, counts), percent_phrase(rnd, counts))
    if x < 0.78:
        return "We apply it to %s and observe a %s reduction in %s compared to %s." % (model_size_phrase(rnd, counts), mult_phrase(rnd, counts), pick(rnd, COSTS), pick(rnd, BASELINES))
    if x < 0.84:
        return "Across %s, %s sets a new state of the art among open models such as %s." % (benchmark_list(rnd, counts), name, model_size_phrase(rnd, counts))
    if x < 0.92:
        return "%s improves %s by %s in %s, with %s absolute gains in the low-data regime." % (name, pick(rnd, METRICS), percent_phrase(rnd, counts), pick(rnd, SETTINGS), percent_phrase(rnd, counts))
    return "In real-world experiments, %s raises the %s by %s while cutting %s by %s." % (name, pick(rnd, METRICS), percent_phrase(rnd, counts), pick(rnd, COSTS), mult_phrase(rnd, counts))


def org_sentence(rnd, counts):
    counts["orgs"] += 1
    o = pick(rnd, ORGS_TEXT)
    x = rnd()
    if x < 0.3:
        counts["orgs"] += 1
        return "We compare against proprietary systems from %s and %s, including GPT-4 and Claude." % (o, pick(rnd, ORGS_TEXT))
    if x < 0.55:
        return "The study was conducted in collaboration with %s on production traffic." % o
    if x < 0.75:
        return "We finetune %s's models to automatically label new examples." % o
    return "Our evaluation uses data released by %s under a permissive license." % o


def noise_sentence(rnd, name):
    """Text that looks extractable but is not (per the gold conventions), for realism."""
    return pick(rnd, [
        "The robot avoids obstacles in a 5 x 5 room using monocular vision.",
        "We reduce the size of the pre-trained CLIP ViT-B/32 while keeping its zero-shot quality.",
        "Our student is trained on YFCC-15M and evaluated with a ResNet-34 backbone.",
        "The method is an order of magnitude faster than exhaustive search.",
        "Our contribution is twofold: a new objective and an efficient solver.",
        "The agent solves (8/15) of the held-out tasks and reaches a score of 8.43 on average.",
        "We collect 200K trajectories and 10K human annotations for training.",
        "Highlighted takeaways: 1. %s is stable. 2. It is cheap. 3. It transfers." % name,
        "Results are reported as mean and standard deviation over 5 seeds (k=3, top-1).",
        "We use the (x, y) coordinates of each keypoint as input -- no depth is required.",
    ])


# --------------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------------


def hf_block(p, with_meta, upvotes_override=None):
    """Lines for one paper on a Daily Papers page (ending with the blank separator line)."""
    lines = [p.title, "", p.abstract, ""]
    if with_meta:
        if p.org is not None:
            lines.append("%s %s" % p.org)
        else:
            lines.append("  \u2022 %d authors" % p.n_authors)
        lines.append("\u00b7")
        y, m, d = p.date
        up = p.upvotes if upvotes_override is None else upvotes_override
        date = "%s %d" % (MONTHS[m - 1], d) if p.no_year else "%s %d, %d" % (MONTHS[m - 1], d, y)
        if up:
            date += " %d" % up
        lines.append(date)
        lines.append("")
    return lines


def wrap(text, width, first_prefix, cont_prefix, rnd=None, indent_rate=0.0):
    words = text.split(" ")
    out = []
    cur = first_prefix + words[0]
    for w in words[1:]:
        if len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            out.append(cur)
            if indent_rate and rnd() < indent_rate:
                cur = "  " + w
            else:
                cur = cont_prefix + w
    out.append(cur)
    return out


def arxiv_id_for(date, uid_counters, rnd):
    """Allocate a unique arXiv id for a paper published at date."""
    y, m, _ = date
    if y < 2007 or (y == 2007 and m < 4):
        archive = pick(rnd, OLD_ARCHIVES)
        key = (archive, y, m)
        n = uid_counters.get(key, 0) + 1 + int(rnd() * 3)
        if n > 999:
            return None
        uid_counters[key] = n
        return "%s/%02d%02d%03d" % (archive, y % 100, m, n)
    key = (y, m)
    n = uid_counters.get(key, 0) + 1 + int(rnd() * 3)
    limit = 9999 if y < 2015 else 99999
    if n > limit:
        return None
    uid_counters[key] = n
    if y < 2015:
        return "%02d%02d.%04d" % (y % 100, m, n)
    return "%02d%02d.%05d" % (y % 100, m, n)


def latex_name(rnd, parsed_list):
    """One author: returns (written form for 'authors', [last, first, ''])."""
    if rnd() < 0.05:
        tex, uni = pick(rnd, ACCENTED_LAST)
    else:
        tex = uni = pick(rnd, LAST_NAMES)
    first = pick(rnd, FIRST_NAMES)
    x = rnd()
    if x < 0.35:
        first = first[0] + "."
        if rnd() < 0.3:
            first += " " + pick(rnd, FIRST_NAMES)[0] + "."
    parsed_list.append([uni, first, ""])
    return first + " " + tex


def arxiv_record(p, aid, seed):
    r = random.Random(paper_rng_seed(seed, p.uid) ^ 0x5A5A5A5A)
    rnd = r.random
    parsed = []
    names = [latex_name(rnd, parsed) for _ in range(p.n_authors)]
    if len(names) == 1:
        authors = names[0]
    elif len(names) == 2 or rnd() < 0.5:
        authors = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        authors = ", ".join(names)
    submitter = parsed[0][1] + " " + parsed[0][0] if rnd() < 0.7 else pick(rnd, FIRST_NAMES) + " " + pick(rnd, LAST_NAMES)
    y, m, d = p.date
    old = "/" in aid
    x = rnd()
    if x < 0.12:
        comments = None
    elif x < 0.55:
        comments = "%d pages, %d figures" % (6 + int(rnd() * 40), 1 + int(rnd() * 15))
    elif x < 0.8:
        comments = "Accepted at %s %d" % (pick(rnd, VENUES), min(y + 1, 2025))
    else:
        comments = "%d pages, %d figures, %d tables; v2: typos corrected" % (8 + int(rnd() * 30), 1 + int(rnd() * 10), 1 + int(rnd() * 6))
    if rnd() < 0.25:
        jy = min(y + 1, 2025)
        journal = pick(rnd, JOURNALS).format(v=10 + int(rnd() * 80), p=1 + int(rnd() * 900), q=901 + int(rnd() * 99), y=jy)
    else:
        journal = None
    doi = "%s.%d.%06d" % (pick(rnd, DOI_PREFIXES), 10 + int(rnd() * 90), int(rnd() * 999999)) if rnd() < 0.3 else None
    report = "%s-%d-%02d" % (pick(rnd, ["ANL-HEP-PR", "MIT-CTP", "SLAC-PUB", "CERN-TH", "TUM-HEP"]), y, int(rnd() * 99)) if rnd() < 0.05 else None
    if old:
        cats = pick(rnd, OLD_CATEGORIES[aid.split("/")[0]])
    else:
        cats = pick(rnd, NEW_CATEGORIES)
    lic = None if (y < 2016 and rnd() < 0.9) or rnd() < 0.3 else pick(rnd, LICENSES)
    # versions
    nv = 1 + (int(rnd() * 5) if rnd() < 0.45 else 0)
    t = datetime.datetime(y, m, d, int(rnd() * 24), int(rnd() * 60), int(rnd() * 60))
    versions = []
    for i in range(nv):
        if i and t > LAST_DATE:
            break
        versions.append({"version": "v%d" % (i + 1),
                         "created": "%s, %d %s %d %02d:%02d:%02d GMT" % (WEEKDAYS[t.weekday()], t.day, MONTHS[t.month - 1], t.year, t.hour, t.minute, t.second)})
        t = t + datetime.timedelta(days=1 + int(rnd() * 200), seconds=int(rnd() * 86400))
    upd = min(t - datetime.timedelta(days=int(rnd() * 3)), LAST_DATE)
    title = "\n".join(wrap(p.title, 72, "", "  "))
    abstract = "\n".join(wrap(p.abstract, 79, "  ", "", rnd, 0.01)) + "\n"
    rec = {
        "id": aid, "submitter": submitter, "authors": authors, "title": title,
        "comments": comments, "journal-ref": journal, "doi": doi, "report-no": report,
        "categories": cats, "license": lic, "abstract": abstract, "versions": versions,
        "update_date": "%04d-%02d-%02d" % (upd.year, upd.month, upd.day),
        "authors_parsed": parsed,
    }
    return json.dumps(rec, separators=(",", ":"))


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        self.rng = random.Random(args.seed)
        self.rnd = self.rng.random
        self.titles = []        # uid -> title
        self.names = []         # uid -> method name
        self.aids = []          # uid -> arXiv id
        self.title_keys = set()
        self.id_counters = {}
        self.occurrences = 0
        self.dups = 0
        self.upvote_conflicts = 0
        self.planted = {"links": 0, "numbers": 0, "model_sizes": 0, "benchmarks": 0, "orgs": 0}

    def new_paper(self):
        rnd = self.rnd
        uid = len(self.titles)
        for attempt in range(50):
            name = make_name(rnd)
            title = make_title(rnd, name)
            key = title_key(title)
            if key not in self.title_keys:
                break
        else:  # pragma: no cover - practically unreachable
            title = "%s (Part %d)" % (title, uid)
            key = title_key(title)
        self.title_keys.add(key)
        self.titles.append(title)
        self.names.append(name)
        p = gen_paper(self.seed, uid, title, name)
        aid = arxiv_id_for(p.date, self.id_counters, rnd)
        yy, mm = p.date[0], p.date[1]
        while aid is None:  # month full: take the next month with room
            mm += 1
            if mm > 12:
                yy, mm = yy + 1, 1
            aid = arxiv_id_for((max(yy, 2015), mm, 1), self.id_counters, rnd)
        self.aids.append(aid)
        for k, v in p.counts.items():
            self.planted[k] += v
        return p, aid

    def next_occurrence(self):
        """Either a new paper or (with probability dup_rate) a repeat of an earlier one."""
        rnd = self.rnd
        self.occurrences += 1
        n = len(self.titles)
        if n and rnd() < self.args.dup_rate:
            self.dups += 1
            if rnd() < 0.25:
                uid = n - 1 - int(rnd() * min(n, 400))
            else:
                uid = int(rnd() * n)
            p = gen_paper(self.seed, uid, self.titles[uid], self.names[uid])
            return p, self.aids[uid], True
        p, aid = self.new_paper()
        return p, aid, False

    def hf_page(self, target_bytes):
        rnd = self.rnd
        m = int(rnd() * 12)
        header = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", ""]
        if rnd() >= 0.10:
            header += ["Daily Papers", ""]
        header += ["byAK and the research community", "",
                   "%s %d" % (MONTHS[m], 1 + int(rnd() * DAYS_IN_MONTH[m])), ""]
        lines = header
        size = sum(len(h) + 1 for h in header)
        page_has_meta = rnd() >= 0.15
        occ = 0
        while size < target_bytes or occ == 0:
            p, _, dup = self.next_occurrence()
            occ += 1
            with_meta = page_has_meta and rnd() >= 0.08
            override = None
            if dup and with_meta and p.upvotes is not None and rnd() < self.args.conflict_rate:
                override = p.upvotes + 1 + int(rnd() * 5)
                self.upvote_conflicts += 1
            block = hf_block(p, with_meta, override)
            lines.extend(block)
            size += sum(len(b) + 1 for b in block) + (3 if with_meta else 0)  # '\u2022' and '\u00b7' are multibyte
        lines.pop()  # drop the final blank separator: real dumps end without a blank line
        text = "\n".join(lines)
        if rnd() < 0.10:
            text += "\n"
        return text.encode("utf-8"), occ

    def arxiv_chunk(self, target_bytes):
        out = []
        size = 0
        occ = 0
        while size < target_bytes or occ == 0:
            p, aid, _ = self.next_occurrence()
            occ += 1
            line = arxiv_record(p, aid, self.seed)
            out.append(line)
            size += len(line) + 1
        out.append("")
        return "\n".join(out).encode("ascii"), occ


def clean_dir(path, prefix, suffix):
    os.makedirs(path, exist_ok=True)
    for fn in os.listdir(path):
        if fn.startswith(prefix) and fn.endswith(suffix):
            os.remove(os.path.join(path, fn))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a deterministic papersift benchmark corpus.")
    ap.add_argument("--out", required=True, help="output directory (created; old page_/arxiv- files in it are removed)")
    ap.add_argument("--mb", type=float, required=True, help="approximate total size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--dup-rate", type=float, default=0.2, help="fraction of paper occurrences that repeat an earlier paper (default 0.2)")
    ap.add_argument("--arxiv-share", type=float, default=0.5, help="fraction of the bytes written as arXiv JSON Lines (default 0.5)")
    ap.add_argument("--page-kb-min", type=int, default=200, help="smallest Daily Papers page target in KB (default 200)")
    ap.add_argument("--page-kb-max", type=int, default=3000, help="largest Daily Papers page target in KB (default 3000)")
    ap.add_argument("--arxiv-file-mb", type=float, default=16, help="size of each arxiv-NNN.jsonl file in MB (default 16)")
    ap.add_argument("--conflict-rate", type=float, default=0.01, help="fraction of repeated listing occurrences whose upvote count differs (default 0.01)")
    args = ap.parse_args(argv)
    if not (0 <= args.dup_rate < 1):
        ap.error("--dup-rate must be in [0, 1)")
    if not (0 <= args.arxiv_share <= 1):
        ap.error("--arxiv-share must be in [0, 1]")
    if args.mb <= 0 or args.page_kb_min <= 0 or args.page_kb_max < args.page_kb_min or args.arxiv_file_mb <= 0:
        ap.error("sizes must be positive (and --page-kb-max >= --page-kb-min)")

    t0 = time.time()
    total = int(args.mb * 1_000_000)
    ax_budget = int(total * args.arxiv_share)
    hf_budget = total - ax_budget
    pages_dir = os.path.join(args.out, "pages")
    ax_dir = os.path.join(args.out, "arxiv")
    clean_dir(pages_dir, "page_", ".txt")
    clean_dir(ax_dir, "arxiv-", ".jsonl")

    g = Generator(args)
    rnd = g.rnd
    hf_bytes = ax_bytes = 0
    hf_files = ax_files = 0
    hf_occ = ax_occ = 0
    ax_file_limit = int(args.arxiv_file_mb * 1_000_000)
    ax_fh = None
    ax_cur = 0
    chunk = 1_000_000
    lo, hi = args.page_kb_min * 1000, args.page_kb_max * 1000
    while True:
        hf_left = hf_budget - hf_bytes
        ax_left = ax_budget - ax_bytes
        if hf_left <= 0 and ax_left <= 0:
            break
        # Work on whichever format is further behind its share, so repeats cross formats.
        hf_frac = hf_bytes / hf_budget if hf_budget else 2.0
        ax_frac = ax_bytes / ax_budget if ax_budget else 2.0
        if hf_left > 0 and (ax_left <= 0 or hf_frac <= ax_frac):
            tgt = int(math.exp(math.log(lo) + rnd() * (math.log(hi) - math.log(lo))))
            if hf_left - tgt < lo // 2:
                tgt = hf_left
            data, occ = g.hf_page(min(tgt, hf_left))
            hf_files += 1
            with open(os.path.join(pages_dir, "page_%05d.txt" % hf_files), "wb") as fh:
                fh.write(data)
            hf_bytes += len(data)
            hf_occ += occ
        else:
            if ax_fh is None:
                ax_files += 1
                ax_fh = open(os.path.join(ax_dir, "arxiv-%03d.jsonl" % ax_files), "wb")
                ax_cur = 0
            data, occ = g.arxiv_chunk(min(chunk, ax_left, ax_file_limit - ax_cur))
            ax_fh.write(data)
            ax_cur += len(data)
            ax_bytes += len(data)
            ax_occ += occ
            if ax_cur >= ax_file_limit:
                ax_fh.close()
                ax_fh = None
    if ax_fh is not None:
        ax_fh.close()

    unique = len(g.titles)
    manifest = {
        "generator": "bench/gen_corpus.py",
        "seed": args.seed,
        "args": {"mb": args.mb, "seed": args.seed, "dup_rate": args.dup_rate,
                 "arxiv_share": args.arxiv_share, "page_kb_min": args.page_kb_min,
                 "page_kb_max": args.page_kb_max, "arxiv_file_mb": args.arxiv_file_mb,
                 "conflict_rate": args.conflict_rate},
        "total_bytes": hf_bytes + ax_bytes,
        "formats": {
            "hf_pages": {"dir": "pages", "files": hf_files, "bytes": hf_bytes, "occurrences": hf_occ},
            "arxiv_jsonl": {"dir": "arxiv", "files": ax_files, "bytes": ax_bytes, "occurrences": ax_occ},
        },
        "occurrences": g.occurrences,
        "unique_papers": unique,
        "duplicate_occurrences": g.dups,
        "upvote_conflicts": g.upvote_conflicts,
        "planted_mentions_in_unique_papers": g.planted,
        "note": "A unique paper is identified by its title (normalised: lower case, alphanumerics only); "
                "repeats have the same title and abstract (arXiv copies are hard-wrapped). "
                "planted_* are rough counts of mentions the generator inserted, not a gold standard.",
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    dt = time.time() - t0
    print("gen_corpus: %d occurrences, %d unique papers (%d repeats); %d bytes: %d in %d pages, %d in %d arxiv files; %.1fs"
          % (g.occurrences, unique, g.dups, hf_bytes + ax_bytes, hf_bytes, hf_files, ax_bytes, ax_files, dt),
          file=sys.stderr)


if __name__ == "__main__":
    main()
