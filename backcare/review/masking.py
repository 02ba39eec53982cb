"""Hide e-mail addresses and phone numbers in what people wrote, unless a clinician asks to see
them (which the audit log records). Masking errs towards hiding: a long run of digits such as a
date written 2024-01-05 is hidden too."""

from __future__ import annotations

import re

# Linear time on any text: a match starts only where a run of local-part characters starts (the
# look-behind), so a long run without "@" is scanned once, not once per character (which took
# 10 s on 60,000 characters). Where a match exists inside a run, one exists from the run's start.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits, spaces, dots, dashes and brackets, optionally after +, with 7+ digits. Linear
# too: a match starts only after a non-word character, and from there a run fails only when
# its digits end in a letter (then the next start is inside the digits, refused at once).
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{5,}\d(?!\w)")
MINIMUM_PHONE_DIGITS = 7
EMAIL_MASK = "[e-mail hidden]"
PHONE_MASK = "[phone hidden]"


def _mask_phone(match: re.Match[str]) -> str:
    digits = sum(character.isdigit() for character in match.group())
    return PHONE_MASK if digits >= MINIMUM_PHONE_DIGITS else match.group()


def mask_contacts(text: str) -> str:
    return PHONE.sub(_mask_phone, EMAIL.sub(EMAIL_MASK, text))
