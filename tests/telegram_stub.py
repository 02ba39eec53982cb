"""A local stand-in for the Telegram Bot API, on loopback, for end-to-end tests.

It serves `POST|GET /bot<token>/<method>` like https://api.telegram.org does: parameters as
query string, urlencoded or multipart form, or JSON; answers `{"ok": true, "result": ...}`
with realistic objects (a `Message` for sendMessage, sendPhoto and sendDocument, `true` for
answerCallbackQuery and setWebhook, a `User` for getMe), and Telegram's errors for what
Telegram refuses (wrong token 401, unknown method 404, empty or over-long text, bad
reply_markup, callback_data over 64 bytes, a webhook URL that is not HTTPS, a malformed
secret_token, a photo that is not a JPEG/PNG/GIF/WebP image or is over 10 MB, a caption over
1024 characters, a missing photo or document: 400). Files are uploaded as Telegram takes them:
multipart/form-data, the file in the part named after the parameter (`photo`, `document`);
a string there is a file_id or an HTTP URL. Every call is recorded, including refused ones,
with the uploaded files' bytes, so tests can assert what the bot sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.servers import free_port

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
PHOTO_LIMIT_BYTES = 10 * 1024 * 1024
DOCUMENT_LIMIT_BYTES = 50 * 1024 * 1024
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF")
SECRET_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass
class Upload:
    """A file the bot uploaded in a multipart request."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int
    result: Any = None
    files: dict[str, Upload] = field(default_factory=dict)


@dataclass
class TelegramStub:
    token: str
    bot_username: str = "backbone_test_bot"
    port: int = field(default_factory=free_port)
    calls: list[Call] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._message_id = 1000
        self.bot_id = int(self.token.split(":", 1)[0])
        self.webhook: dict[str, Any] = {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # --- running -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        app = Starlette(
            routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])]
        )
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="telegram-stub", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the Telegram stub did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)

    # --- what tests read ---------------------------------------------------------------------

    def recorded(self, method: str | None = None, chat_id: int | None = None) -> list[Call]:
        with self._lock:
            calls = list(self.calls)
        return [
            call
            for call in calls
            if (method is None or call.method == method)
            and (chat_id is None or str(call.params.get("chat_id")) == str(chat_id))
        ]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 30) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.recorded()
            if predicate(calls):
                return calls
            time.sleep(0.1)
        raise TimeoutError(f"the stub did not see the expected calls; it saw: {self.recorded()}")

    def sent_texts(self, chat_id: int) -> list[str]:
        return [
            call.params["text"]
            for call in self.recorded("sendMessage", chat_id)
            if call.status == 200
        ]

    # --- the API -----------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> JSONResponse:
        token = request.path_params["token"]
        method = request.path_params["method"]
        params: dict[str, Any] = dict(request.query_params)
        files: dict[str, Upload] = {}
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        elif request.method == "POST":
            async with request.form(max_part_size=DOCUMENT_LIMIT_BYTES + 1) as form:
                for key, value in form.multi_items():
                    if isinstance(value, UploadFile):
                        files[key] = Upload(
                            value.filename or "",
                            value.content_type or "",
                            await value.read(),
                        )
                    else:
                        params[key] = value

        if token != self.token:
            status, payload = 401, _error(401, "Unauthorized")
        else:
            handler = getattr(self, "_" + method.lower(), None)
            if handler is None:
                status, payload = 404, _error(404, "Not Found")
            elif method.lower() in ("sendphoto", "senddocument"):
                status, payload = handler(params, files)
            else:
                status, payload = handler(params)
        with self._lock:
            self.calls.append(Call(method, params, status, payload.get("result"), files))
        return JSONResponse(payload, status_code=status)

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Backbone",
            "username": self.bot_username,
        }

    def _getme(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        user = {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        return 200, {"ok": True, "result": user}

    def _setwebhook(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        url = str(params.get("url", ""))
        if url and not url.startswith("https://"):
            return 400, _error(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        secret = params.get("secret_token")
        if secret is not None and not SECRET_FORMAT.fullmatch(str(secret)):
            return 400, _error(400, "Bad Request: secret token contains unallowed characters")
        if "allowed_updates" in params:
            try:
                allowed = _json_param(params["allowed_updates"])
            except ValueError:
                return 400, _error(400, "Bad Request: can't parse allowed updates")
            params["allowed_updates"] = allowed
        self.webhook = dict(params)
        description = "Webhook was set" if url else "Webhook was deleted"
        return 200, {"ok": True, "result": True, "description": description}

    def _deletewebhook(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.webhook = {}
        return 200, {"ok": True, "result": True, "description": "Webhook was deleted"}

    def _getwebhookinfo(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        info = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }
        return 200, {"ok": True, "result": info}

    def _sendmessage(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if "chat_id" not in params:
            return 400, _error(400, "Bad Request: chat_id is empty")
        text = str(params.get("text", ""))
        if not text.strip():
            return 400, _error(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > MESSAGE_LIMIT:
            return 400, _error(400, "Bad Request: message is too long")
        message: dict[str, Any] = {
            "message_id": self._next_message_id(),
            "from": self._bot_user(),
            "chat": {"id": _chat_id(params["chat_id"]), "type": "private"},
            "date": int(time.time()),
            "text": text,
        }
        if "reply_markup" in params:
            try:
                markup = _json_param(params["reply_markup"])
            except ValueError:
                return 400, _error(
                    400, "Bad Request: can't parse reply keyboard markup JSON object"
                )
            params["reply_markup"] = markup
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    data = button.get("callback_data")
                    if data is not None and len(str(data).encode("utf-8")) > CALLBACK_DATA_LIMIT:
                        return 400, _error(400, "Bad Request: BUTTON_DATA_INVALID")
            if "inline_keyboard" in markup:
                message["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        return 200, {"ok": True, "result": message}

    def _media_message(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """The checks sendPhoto and sendDocument share; None when they pass."""
        if "chat_id" not in params:
            return 400, _error(400, "Bad Request: chat_id is empty")
        caption = params.get("caption")
        if caption is not None and len(str(caption).encode("utf-16-le")) // 2 > CAPTION_LIMIT:
            return 400, _error(400, "Bad Request: message caption is too long")
        if "reply_markup" in params:
            try:
                params["reply_markup"] = _json_param(params["reply_markup"])
            except ValueError:
                return 400, _error(
                    400, "Bad Request: can't parse reply keyboard markup JSON object"
                )
        return None

    def _message_with(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self._next_message_id(),
            "from": self._bot_user(),
            "chat": {"id": _chat_id(params["chat_id"]), "type": "private"},
            "date": int(time.time()),
            **content,
        }
        if params.get("caption"):
            message["caption"] = str(params["caption"])
        return message

    def _sendphoto(
        self, params: dict[str, Any], files: dict[str, Upload]
    ) -> tuple[int, dict[str, Any]]:
        refused = self._media_message(params)
        if refused:
            return refused
        upload = files.get("photo")
        if upload is None:
            reference = str(params.get("photo") or "")
            if not reference:
                return 400, _error(400, "Bad Request: there is no photo in the request")
            if reference.startswith("http://"):
                # Telegram fetches only what it can reach; a loopback address never is.
                return 400, _error(400, "Bad Request: wrong file identifier/HTTP URL specified")
            size = 0
        else:
            if not upload.data.startswith(IMAGE_SIGNATURES):
                return 400, _error(400, "Bad Request: IMAGE_PROCESS_FAILED")
            if len(upload.data) > PHOTO_LIMIT_BYTES:
                return 400, _error(400, "Bad Request: PHOTO_SAVE_FILE_INVALID")
            size = len(upload.data)
        photo = [
            {
                "file_id": f"AgACAgQAAxkDAAstub-{self._message_id}",
                "file_unique_id": f"AQADstub{self._message_id}",
                "width": 90,
                "height": 41,
                "file_size": size,
            }
        ]
        return 200, {"ok": True, "result": self._message_with(params, photo=photo)}

    def _senddocument(
        self, params: dict[str, Any], files: dict[str, Upload]
    ) -> tuple[int, dict[str, Any]]:
        refused = self._media_message(params)
        if refused:
            return refused
        upload = files.get("document")
        if upload is None:
            if not params.get("document"):
                return 400, _error(400, "Bad Request: there is no document in the request")
            document = {"file_id": str(params["document"]), "file_unique_id": "AgADdoc"}
        else:
            if not upload.data:
                return 400, _error(400, "Bad Request: file must be non-empty")
            if len(upload.data) > DOCUMENT_LIMIT_BYTES:
                return 400, _error(400, "Bad Request: file is too big")
            document = {
                "file_name": upload.filename,
                "mime_type": upload.content_type or "application/octet-stream",
                "file_id": f"BQACAgQAAxkDAAstub-{self._message_id}",
                "file_unique_id": f"AgADstub{self._message_id}",
                "file_size": len(upload.data),
            }
        return 200, {"ok": True, "result": self._message_with(params, document=document)}

    def _answercallbackquery(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if not params.get("callback_query_id"):
            description = (
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
            return 400, _error(400, description)
        return 200, {"ok": True, "result": True}

    def _sendchataction(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 200, {"ok": True, "result": True}

    def _next_message_id(self) -> int:
        with self._lock:
            self._message_id += 1
            return self._message_id


def _error(code: int, description: str) -> dict[str, Any]:
    return {"ok": False, "error_code": code, "description": description}


def _json_param(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _chat_id(value: Any) -> int | str:
    text = str(value)
    return int(text) if text.lstrip("-").isdigit() else text


# --- Update objects as Telegram sends them -----------------------------------------------------

_update_ids = iter(range(700_000_000, 800_000_000))


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Alex", "language_code": "en"}


def private_chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "first_name": "Alex", "type": "private"}


def message_update(chat_id: int, text: str | None = None, **content: Any) -> dict[str, Any]:
    """An Update carrying a new private message (text, or other content such as a sticker)."""
    message: dict[str, Any] = {
        "message_id": next(_update_ids) % 100_000,
        "from": user(chat_id),
        "chat": private_chat(chat_id),
        "date": int(time.time()),
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [
                {"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}
            ]
    message.update(content)
    return {"update_id": next(_update_ids), "message": message}


def callback_update(chat_id: int, data: str, bot_message: dict[str, Any]) -> dict[str, Any]:
    """An Update for a press on an inline button under `bot_message` (as the stub returned it)."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids) * 1000 + 7),
            "from": user(chat_id),
            "message": bot_message,
            "chat_instance": "-7012345678901234567",
            "data": data,
        },
    }


STICKER = {
    "sticker": {
        "file_id": "CAACAgIAAxkBAAEBsticker",
        "file_unique_id": "AgADsticker",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "\U0001f44d",
    }
}
PHOTO = {
    "photo": [
        {"file_id": "AgACAgQAAxkBAAphoto-s", "file_unique_id": "AQADs", "width": 90, "height": 67},
        {
            "file_id": "AgACAgQAAxkBAAphoto-m",
            "file_unique_id": "AQADm",
            "width": 800,
            "height": 600,
        },
    ],
    "caption": "my back x-ray",
}


@contextmanager
def running_stub(token: str, bot_username: str) -> Iterator[TelegramStub]:
    """A stand-in Bot API on loopback for the length of a `with` block."""
    stub = TelegramStub(token=token, bot_username=bot_username)
    stub.start()
    try:
        yield stub
    finally:
        stub.stop()


def telegram_env(stub: TelegramStub, token: str, secret: str, bot_name: str) -> dict[str, str]:
    """The environment that points the assistant's Telegram channel at the stand-in."""
    return {
        "TELEGRAM_TOKEN": token,
        "TELEGRAM_SECRET_TOKEN": secret,
        "TELEGRAM_BOT_NAME": bot_name,
        "TELEGRAM_API_URL": stub.url,
    }
