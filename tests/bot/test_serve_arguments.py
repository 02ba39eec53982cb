"""The launcher's command line for Rasa reads back, through Rasa's own parser, as the token and
origins it was given, whatever characters the generated token begins with."""

from __future__ import annotations

import pytest
from rasa.__main__ import create_argument_parser

from bot_extensions.serve import rasa_argv


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "--two", "plain_Token-123"])
def test_rasas_parser_reads_the_token_and_origins_given(token: str) -> None:
    argv = rasa_argv(["run", "--enable-api", "-p", "5005"], ["http://127.0.0.1:8080"], token)
    parsed = create_argument_parser().parse_args(argv[1:])
    assert parsed.auth_token == token
    assert parsed.cors == ["http://127.0.0.1:8080"]
    assert parsed.port == 5005
