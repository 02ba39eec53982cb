"""Telegram channel, built on Rasa's (`rasa/core/channels/telegram.py`), configured from the
environment only, and hardened for a public webhook.

Register in credentials.yml with an empty value (secrets never live in that file):

    bot_extensions.channels.telegram.TelegramSecureInput:

Environment:

- `TELEGRAM_TOKEN`: the bot token from @BotFather; unset or empty: the channel is disabled;
- `TELEGRAM_SECRET_TOKEN`: the `secret_token` given to setWebhook (1-256 characters of
  `A-Z a-z 0-9 _ -`); required;
- `TELEGRAM_BOT_NAME`: the bot's username without `@` (group mentions, `/cmd@name`, a
  startup check against getMe);
- `TELEGRAM_WEBHOOK_URL`: if set, the public HTTPS URL registered with setWebhook at startup;
- `TELEGRAM_API_URL`: the Bot API base URL, default `https://api.telegram.org`.

What differs from Rasa's `TelegramInput`:

- no network at all when disabled; when enabled, `getMe` and `setWebhook` run in a task after
  the server has started (Rasa's runs `asyncio.run(set_webhook)` while building the app, which
  binds the HTTP session to a loop that is then closed, and stops startup when offline);
- every POST must carry `X-Telegram-Bot-Api-Secret-Token` equal to the secret (else 403);
- malformed JSON, a non-object body, an update without `update_id` or without a message,
  edited message or callback query: 400; a retried update (same `update_id`) is not answered
  twice;
- stickers, photos, voice and other non-text messages, and edited messages, get a short
  polite text; group chats get a pointer to a private chat when the bot is addressed and are
  otherwise ignored (logged): health questions belong in a one-to-one chat;
- buttons become an inline keyboard (one button per row, readable on a phone); a press is
  acknowledged with `answerCallbackQuery` and its payload goes to Rasa as the user's message;
- text and button payloads pass through `user_text.py`: cut to 5,000 characters, and intent
  syntax only from the assistant's own button payloads (`/restart` typed is the word);
- texts longer than Telegram's 4096-character limit are split at paragraph, line or word
  boundaries; a payload over callback_data's 64 bytes is replaced by a short key;
- the conversation of chat 42 is `tg-42` (`sender_ids.py`), so no other channel's client can
  choose it; every reply goes to the numeric chat id (`send_response` takes the prefix off).
- an exercise picture (a message's `image`, a URL ending `/pictures/<slug>.svg`) is sent with
  sendPhoto as an upload of the PNG rendered at build time (`var/pictures/<slug>.png`, by
  `make pictures`), captioned with the message's text when it fits Telegram's 1024-character
  caption (else with its first line, the text following); no PNG: the text alone;
- the plan to keep (an `attachment` of type `document` whose `src` is the page server's
  `/plan/...` link) is fetched from the page server when it is sent (`?download=1`, one
  self-contained HTML file) and sent with sendDocument; `WEB_INTERNAL_URL` overrides the
  address the link names, for a page server that Rasa reaches by another address.
"""

from __future__ import annotations

import hmac
import io
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from aiogram.utils.exceptions import ValidationError
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot_extensions.channels.sender_ids import chat_id_of, telegram_sender
from bot_extensions.channels.telegram_text import (
    PayloadBook,
    SeenUpdates,
    fits_caption,
    split_message,
)
from bot_extensions.channels.unavailable import replies_when_unhandled
from bot_extensions.channels.user_text import is_button_payload, user_text

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
REQUEST_TIMEOUT_SECONDS = 15

# Telegram commands mapped to this assistant's intents; any other command is read as the word
# after the slash (`/restart` is the text "restart": no Rasa internal intent from a person).
COMMANDS = {"/start": "/greet", "/help": "/ask_help"}
NON_TEXT_KINDS = (
    "sticker",
    "photo",
    "animation",
    "video",
    "video_note",
    "voice",
    "audio",
    "document",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
    "game",
)

TEXT_ONLY = (
    "Sorry, I can only read text messages. Please type your question about back or hip pain."
)
EDITED = (
    "I can't see changes to a message you already sent. If something is different now, "
    "please send it as a new message."
)
GROUP = (
    "Hi! I only chat one-to-one, because back pain can be personal. "
    "Please message me directly{mention}."
)
EXPIRED_BUTTON = "That button has expired. Please type your answer instead."

# The page server's exercise pictures and plan links (backcare/pictures.py, backcare/web.py);
# this package may not import backcare, so the convention is repeated here.
PICTURE_PATH = re.compile(r"^/pictures/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?:svg|png)$")
PLAN_PATH = re.compile(r"^/plan/-?[A-Za-z0-9_-]{1,64}$")
DOCUMENT_LIMIT_BYTES = 20 * 1024 * 1024
DOCUMENT_FETCH_SECONDS = 15


def project_root() -> Path:
    return Path(os.environ.get("BACKCARE_HOME") or Path(__file__).resolve().parents[2])


def picture_png(url: Any) -> Path | None:
    """The PNG rendered for an exercise picture's URL, or None (another image, or not built)."""
    if not isinstance(url, str):
        return None
    match = PICTURE_PATH.fullmatch(urlsplit(url).path)
    if match is None:
        return None
    png = project_root() / "var" / "pictures" / f"{match['slug']}.png"
    return png if png.is_file() else None


def plan_download_url(src: Any) -> str | None:
    """Where to fetch the plan document for a plan link, or None if it is not one."""
    if not isinstance(src, str):
        return None
    parts = urlsplit(src)
    if parts.scheme not in ("http", "https") or not PLAN_PATH.fullmatch(parts.path):
        return None
    origin = (os.environ.get("WEB_INTERNAL_URL") or f"{parts.scheme}://{parts.netloc}").rstrip("/")
    query = f"{parts.query}&download=1" if parts.query else "download=1"
    return f"{origin}{parts.path}?{query}"


@dataclass(frozen=True)
class TelegramConfig:
    token: str
    secret_token: str
    bot_name: str
    webhook_url: str
    api_url: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> TelegramConfig:
        def value(name: str, default: str = "") -> str:
            return (environ.get(name) or default).strip()

        return cls(
            token=value("TELEGRAM_TOKEN"),
            secret_token=value("TELEGRAM_SECRET_TOKEN"),
            bot_name=value("TELEGRAM_BOT_NAME").lstrip("@"),
            webhook_url=value("TELEGRAM_WEBHOOK_URL"),
            api_url=value("TELEGRAM_API_URL", DEFAULT_API_URL).rstrip("/"),
        )

    def problem(self) -> str | None:
        """Why the channel cannot run with this configuration, or None."""
        if not self.token:
            return "TELEGRAM_TOKEN is not set"
        if not self.secret_token:
            return "TELEGRAM_SECRET_TOKEN is not set (required to authenticate Telegram's calls)"
        if not SECRET_FORMAT.fullmatch(self.secret_token):
            return "TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        return None


class TelegramBotOutput(TelegramOutput):
    """Rasa's Telegram output (an aiogram 2 `Bot`) on a configurable Bot API server."""

    def __init__(self, config: TelegramConfig, payloads: PayloadBook) -> None:
        # TelegramOutput.__init__ only passes the token; call aiogram's Bot directly.
        Bot.__init__(
            self,
            config.token,
            server=TelegramAPIServer.from_base(config.api_url),
            timeout=REQUEST_TIMEOUT_SECONDS,
        )
        self.payloads = payloads

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_message(text):
            await self.send_message(chat_id_of(recipient_id), part)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: list[dict[str, Any]],
        button_type: str | None = "vertical",
        **kwargs: Any,
    ) -> None:
        """The text, with the buttons as an inline keyboard under its last part."""
        keyboard = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        str(button.get("title") or button["payload"]),
                        callback_data=self.payloads.callback_data(str(button["payload"])),
                    )
                ]
                for button in buttons
                if button.get("payload")
            ]
        )
        parts = split_message(text) or ["Please choose:"]
        chat_id = chat_id_of(recipient_id)
        for part in parts[:-1]:
            await self.send_message(chat_id, part)
        await self.send_message(chat_id, parts[-1], reply_markup=keyboard)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """As Rasa's, but an exercise picture goes first, as a photo captioned with the text.

        Rasa sends to the conversation's sender id (`tg-42`); Telegram wants the chat id.
        """
        recipient_id = chat_id_of(recipient_id)
        photo = picture_png(message.get("image"))
        if photo is None:
            if message.get("image") and not str(message["image"]).startswith("https://"):
                # Telegram cannot fetch a local address: the text goes alone.
                logger.warning(f"Telegram: no PNG for the picture {message['image']}.")
                message = {key: value for key, value in message.items() if key != "image"}
            await super().send_response(recipient_id, message)
            return
        rest = {key: value for key, value in message.items() if key != "image"}
        text = str(rest.get("text") or "")
        has_buttons = bool(rest.get("buttons") or rest.get("quick_replies"))
        if text and fits_caption(text) and not has_buttons:
            caption = text
            rest.pop("text")
        else:
            caption = text.split("\n", 1)[0] if fits_caption(text.split("\n", 1)[0]) else None
        await self.send_photo(
            recipient_id, InputFile(str(photo), filename=photo.name), caption=caption or None
        )
        if rest.get("text") or any(rest.get(key) for key in ("custom", "attachment", "elements")):
            await super().send_response(recipient_id, rest)

    async def send_attachment(  # type: ignore[override]
        self, recipient_id: str, attachment: Any, **kwargs: Any
    ) -> None:
        """The plan to keep as a document; any other attachment as Rasa sends it."""
        payload = attachment.get("payload") if isinstance(attachment, dict) else None
        is_document = isinstance(attachment, dict) and attachment.get("type") == "document"
        url = plan_download_url(payload.get("src")) if isinstance(payload, dict) else None
        if not is_document or url is None or not isinstance(payload, dict):
            await super().send_attachment(recipient_id, attachment, **kwargs)
            return
        try:
            timeout = aiohttp.ClientTimeout(total=DOCUMENT_FETCH_SECONDS)
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.get(url) as reply,
            ):
                reply.raise_for_status()
                body = await reply.content.read(DOCUMENT_LIMIT_BYTES + 1)
        except (aiohttp.ClientError, TimeoutError) as error:
            logger.error(f"Telegram: the plan document could not be fetched ({error}).")
            return
        if len(body) > DOCUMENT_LIMIT_BYTES:
            logger.error("Telegram: the plan document is too large to send.")
            return
        name = str(payload.get("name") or "plan.html")
        await self.send_document(
            chat_id_of(recipient_id),
            InputFile(io.BytesIO(body), filename=name),
            caption=str(payload.get("title") or "") or None,
        )

    async def close_session(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def _chat(message: Any) -> dict[str, Any] | None:
    """The message's chat if the message is an object with a usable chat, else None."""
    if not isinstance(message, dict):
        return None
    chat = message.get("chat")
    if isinstance(chat, dict) and isinstance(chat.get("id"), int) and chat.get("type"):
        return chat
    return None


class TelegramSecureInput(TelegramInput):
    """Telegram input channel configured from the environment; see the module docstring."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramSecureInput:
        if credentials:
            logger.warning(
                "Values under the Telegram channel in credentials.yml are ignored; "
                "the channel reads TELEGRAM_* environment variables only."
            )
        return cls(TelegramConfig.from_env(os.environ))

    def __init__(self, config: TelegramConfig) -> None:
        super().__init__(config.token, config.bot_name, config.webhook_url, debug_mode=False)
        self.config = config
        self.payloads = PayloadBook()
        self.seen = SeenUpdates()
        self.output: TelegramBotOutput | None = None
        self._app: Any = None
        self.disabled_reason = config.problem()
        if self.disabled_reason is None:
            try:
                self.output = TelegramBotOutput(config, self.payloads)
            except ValidationError as error:
                self.disabled_reason = f"TELEGRAM_TOKEN is not a valid bot token ({error})"
        if self.output is not None:
            logger.info(f"Telegram channel enabled (Bot API at {config.api_url}).")
        elif config.token:
            logger.error(f"Telegram channel disabled: {self.disabled_reason}.")
        else:
            logger.info(f"Telegram channel disabled: {self.disabled_reason}.")

    def get_output_channel(self) -> TelegramBotOutput | None:  # type: ignore[override]
        return self.output

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook = Blueprint("telegram_secure_webhook", __name__)

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            if self.output is None:
                return response.json({"status": "disabled", "reason": self.disabled_reason})
            return response.json({"status": "ok"})

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        @telegram_webhook.listener("after_server_start")
        async def announce(app: Any, _loop: Any) -> None:
            self._app = app  # its agent answers a turn that failed
            if self.output is not None:
                app.add_task(self._announce())

        @telegram_webhook.listener("before_server_stop")
        async def close(_app: Any, _loop: Any) -> None:
            if self.output is not None:
                await self.output.close_session()

        return telegram_webhook

    async def _announce(self) -> None:
        """Check the token with getMe and register the webhook; log, never stop the server."""
        assert self.output is not None
        try:
            me = await self.output.get_me()
            if self.config.bot_name and (me.username or "").lower() != self.config.bot_name.lower():
                logger.warning(
                    f"TELEGRAM_BOT_NAME is {self.config.bot_name!r} but the token belongs to "
                    f"@{me.username}."
                )
        except Exception as error:
            logger.warning(f"Telegram getMe failed at {self.config.api_url}: {error}")
        if not self.config.webhook_url:
            logger.info("TELEGRAM_WEBHOOK_URL is not set: register the webhook yourself.")
            return
        try:
            await self.output.request(
                "setWebhook",
                {
                    "url": self.config.webhook_url,
                    "secret_token": self.config.secret_token,
                    "allowed_updates": json.dumps(ALLOWED_UPDATES),
                },
            )
            logger.info(f"Telegram webhook set to {self.config.webhook_url}.")
        except Exception as error:
            logger.error(f"Telegram setWebhook failed: {error}")

    async def _receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if self.output is None:
            return _refuse(503, f"The Telegram channel is disabled: {self.disabled_reason}.")
        given = request.headers.get(SECRET_HEADER) or ""
        if not hmac.compare_digest(given.encode("utf-8"), self.config.secret_token.encode("utf-8")):
            logger.warning("Refused a Telegram webhook call with a missing or wrong secret token.")
            return _refuse(403, "Forbidden")
        try:
            update = json.loads(request.body or b"")
        except (ValueError, UnicodeDecodeError):
            return _refuse(400, "The body is not JSON.")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return _refuse(400, "The body is not a Telegram Update.")
        if not self.seen.first_time(update["update_id"]):
            logger.info(f"Telegram update {update['update_id']} was already handled.")
            return response.json({"ok": True, "duplicate": True})

        if "callback_query" in update:
            return await self._callback_query(update, on_new_message)
        if "message" in update:
            return await self._message(update, update["message"], on_new_message)
        if "edited_message" in update:
            chat = _chat(update["edited_message"])
            if chat is None:
                return _refuse(400, "The edited message has no usable chat.")
            if chat["type"] == "private":
                await self._say(chat["id"], EDITED)
            else:
                logger.info("Ignored an edited message in a group chat.")
            return _ok()
        return _refuse(400, "The update has no message, edited message or callback query.")

    async def _message(
        self,
        update: dict[str, Any],
        message: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> HTTPResponse:
        chat = _chat(message)
        if chat is None:
            return _refuse(400, "The message has no usable chat.")
        text = message.get("text")
        if text is not None and not isinstance(text, str):
            return _refuse(400, "The message's text must be a string.")
        if chat["type"] != "private":
            if self._addressed(message):
                mention = f" (@{self.config.bot_name})" if self.config.bot_name else ""
                await self._say(chat["id"], GROUP.format(mention=mention))
            else:
                logger.info(f"Ignored a message in a {chat['type']} chat.")
            return _ok()
        if isinstance(text, str) and text.strip():
            await self._to_rasa(
                self._command(text), chat["id"], update, on_new_message, message.get("message_id")
            )
        elif any(kind in message for kind in NON_TEXT_KINDS) or "caption" in message:
            await self._say(chat["id"], TEXT_ONLY)
        else:
            logger.info("Ignored a Telegram service message (no text, nothing to answer).")
        return _ok()

    async def _callback_query(
        self, update: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        query = update["callback_query"]
        if not isinstance(query, dict) or not isinstance(query.get("id"), str):
            return _refuse(400, "The callback query has no id.")
        assert self.output is not None
        try:
            # Stops the spinner on the pressed button, whatever happens next.
            await self.output.answer_callback_query(query["id"])
        except Exception as error:
            logger.warning(f"answerCallbackQuery failed: {error}")
        chat = _chat(query.get("message"))
        data = query.get("data")
        if chat is None or not isinstance(data, str) or chat["type"] != "private":
            logger.info("Ignored a callback query without a private chat message or data.")
            return _ok()
        payload = self.payloads.payload(data)
        if payload is None:
            await self._say(chat["id"], EXPIRED_BUTTON)
            return _ok()
        await self._to_rasa(payload, chat["id"], update, on_new_message, None)
        return _ok()

    def _addressed(self, message: dict[str, Any]) -> bool:
        """Whether a group message is meant for this bot (a command, a mention or a reply)."""
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        name = self.config.bot_name.lower()
        if text.startswith("/"):
            return True
        if name and f"@{name}" in text.lower():
            return True
        replied = message.get("reply_to_message")
        sender = replied.get("from") if isinstance(replied, dict) else None
        return bool(
            isinstance(sender, dict)
            and sender.get("is_bot")
            and name
            and str(sender.get("username", "")).lower() == name
        )

    def _command(self, text: str) -> str:
        """`/start@name args` -> the mapped intent; another command -> its words; text unchanged."""
        stripped = text.strip()
        if not stripped.startswith("/"):
            return text
        command, _, rest = stripped.partition(" ")
        command = command.split("@", 1)[0]
        if command in COMMANDS:
            return COMMANDS[command]
        if is_button_payload(stripped):
            return stripped
        # Not a command of ours: its words, without the slash (user_text() would strip it too).
        return f"{command.lstrip('/')} {rest}".strip() or text

    async def _to_rasa(
        self,
        text: str,
        chat_id: int,
        update: dict[str, Any],
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message_id: Any,
    ) -> None:
        assert self.output is not None
        # Bounded, and no intent syntax but the buttons' (callback data can be forged too).
        text = user_text(text)
        metadata = {"telegram": {"update_id": update["update_id"], "message_id": message_id}}
        try:
            await on_new_message(
                UserMessage(
                    text,
                    self.output,
                    telegram_sender(chat_id),
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )
        except Exception:
            logger.exception("Telegram: handling a message failed.")
            for reply in await replies_when_unhandled(self._app, text, self.name()):
                try:
                    await self.output.send_response(telegram_sender(chat_id), reply)
                except Exception as error:
                    logger.error(f"Telegram: sending the apology failed: {error}")

    async def _say(self, chat_id: int, text: str) -> None:
        assert self.output is not None
        try:
            await self.output.send_message(chat_id, text)
        except Exception as error:
            logger.error(f"Telegram sendMessage failed: {error}")


def _ok() -> HTTPResponse:
    return response.json({"ok": True})


def _refuse(status: int, description: str) -> HTTPResponse:
    return response.json({"ok": False, "description": description}, status=status)
