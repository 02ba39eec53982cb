"""The identity of the live assistant the integration and security tests share (tests/conftest.py):
its Telegram bot, as the local Bot API stand-in knows it, and the chat page's origin."""

TELEGRAM_TOKEN = "7012345678:AAH-test_token-for-the-local-stub"
TELEGRAM_SECRET = "test-secret_0123456789"
TELEGRAM_BOT_NAME = "backbone_test_bot"
TELEGRAM_WEBHOOK_URL = "https://backbone.example.org/webhooks/telegram/webhook"
# The chat page's origin, allowed by the Host and Origin check (nothing listens there).
PAGE_ORIGIN = "http://127.0.0.1:18080"
