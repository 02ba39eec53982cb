"""Long conversations for the history-cache comparison and the turn-cost bench.

Varied messages as people send them to this assistant: greetings, questions about causes,
exercise requests and their follow-ups, the screening (body part, duration, leg symptoms, the
red-flag checklist, pain score), topic questions, chitchat, thanks. `long_script(turns, seed)`
repeats them in a shuffled order of blocks, so a conversation of 150 turns goes through the
screening and the exercises several times.
"""

from __future__ import annotations

import random

BLOCKS: list[list[str]] = [
    ["hi", "why does my lower back hurt?", "yes", "that was too easy"],
    [
        "can u give me some excercises for my back pain",
        "lowr back",
        "since christmas",
        "nah only in my back",
        "no to all of those",
        "about a 4",
    ],
    ["give me some exercises", "how do I do a bird dog", "that hurts", "what about my hips?"],
    ["is it safe to exercise with back pain?", "what are the warning signs?", "thanks"],
    ["my back is really stiff in the morning", "what should I do about sciatica", "ok"],
    ["show me how to do a side plank", "how long should i hold a plank", "too easy"],
    ["what can you help me with", "are you a bot?", "who made you?"],
    ["should I get an MRI for my back", "is a massage any good", "what about yoga"],
    ["my hip hurts when I walk", "when should I see a doctor about back pain", "cheers"],
    ["what's the weather like tomorrow", "hello there", "why do I get back pain", "no thanks"],
]


def long_script(turns: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    script: list[str] = []
    while len(script) < turns:
        order = list(range(len(BLOCKS)))
        rng.shuffle(order)
        for index in order:
            script += BLOCKS[index]
    return script[:turns]
