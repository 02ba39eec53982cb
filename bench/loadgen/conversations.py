"""What the simulated people say: plain data, importable from both environments.

`CONVERSATIONS`: ten-turn conversations written from the NLU examples and the stories (the
closed-loop runs and the production tests). `OPEN_LOOP_SCRIPTS`: ten-turn conversations with
the screening (body part, duration, leg symptoms, the red-flag checklist, pain score) and
exercise questions, for the open-loop generator. `long_script()`: long conversations for the
history-cache comparison and the turn-cost bench.

Varied messages as people send them to this assistant: greetings, questions about causes,
exercise requests and their follow-ups, the screening (body part, duration, leg symptoms, the
red-flag checklist, pain score), topic questions, chitchat, thanks. `long_script(turns, seed)`
repeats them in a shuffled order of blocks, so a conversation of 150 turns goes through the
screening and the exercises several times.
"""

from __future__ import annotations

import random

# Scripted conversations, ten turns each, written from the NLU examples and the stories: what
# people ask this assistant. Some go through the custom actions (knowledge base), some only
# through rules and responses, and one raises a red flag.
CONVERSATIONS: list[list[str]] = [
    [
        "hi",
        "why does my lower back hurt?",
        "yes",
        "that was too easy",
        "what about my hips?",
        "is it safe to exercise with back pain?",
        "what are the warning signs?",
        "thanks",
        "are you a bot?",
        "bye",
    ],
    [
        "hello there",
        "my back is really stiff in the morning",
        "give me some exercises",
        "how do I do a bird dog",
        "that hurts",
        "what should I do about sciatica",
        "what can you do?",
        "thank you",
        "what's the weather like tomorrow",
        "goodbye",
    ],
    [
        "hey",
        "what can you help me with",
        "why does my back hurt when I sit all day",
        "no thanks",
        "show me how to do a side plank",
        "how long should i hold a plank",
        "my hip hurts when I walk",
        "when should I see a doctor about back pain",
        "cheers",
        "see you later",
    ],
    [
        "good morning",
        "why do I get back pain",
        "sure",
        "too easy",
        "I wet myself this morning and my back is agony",
        "can you give me some exercises for it",
        "ok",
        "thanks",
        "who made you?",
        "bye",
    ],
]

OPEN_LOOP_SCRIPTS: list[list[str]] = [
    [
        "hi",
        "can u give me some excercises for my back pain",
        "lowr back",
        "since christmas",
        "nah only in my back",
        "no to all of those",
        "about a 4",
        "how do I do a bird dog",
        "that was too easy",
        "thanks",
    ],
    [
        "hello there",
        "give me some exercises",
        "my bum n lower back",
        "a couple of weeks",
        "not really",
        "none of these",
        "4/10",
        "show me how to do a side plank",
        "how long should i hold a plank",
        "bye",
    ],
    [
        "why does my lower back hurt?",
        "yes",
        "that was too easy",
        "is it safe to exercise with back pain?",
        "can you build me a plan",
        "hip",
        "yesterday",
        "sometimes",
        "nothing like that",
        "3 out of 10",
    ],
    [
        "hey",
        "my back is really stiff in the morning",
        "give me some exercises",
        "lower back",
        "2 wks",
        "yep a bit down the right one",
        "nope none",
        "6",
        "what are the warning signs?",
        "cheers",
    ],
    *CONVERSATIONS,
]

# The turn-cost bench: eleven messages whose path does not depend on what came before.
TURN_COST_SCRIPT: list[str] = [
    "hi",
    "why does my lower back hurt?",
    "yes",
    "that was too easy",
    "how do I do a bird dog",
    "that hurts",
    "what about my hips?",
    "is it safe to exercise with back pain?",
    "what are the warning signs?",
    "should I get an MRI for my back",
    "thanks",
]

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
