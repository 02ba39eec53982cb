"""`python -m backcare.review`: serve the review app on 127.0.0.1:REVIEW_PORT (default 8090)."""

from __future__ import annotations

import os
import sys

import uvicorn

from backcare.migrate import upgrade_to_head
from backcare.review.app import create_app
from backcare.review.settings import ConfigurationError, ReviewSettings


def main() -> int:
    try:
        settings = ReviewSettings.from_env()
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    upgrade_to_head(settings.database_url)
    port = int(os.environ.get("REVIEW_PORT") or 8090)
    # X-Forwarded-For is read by the app itself, only from REVIEW_TRUSTED_PROXIES
    # (backcare/review/client_address.py); uvicorn would trust it from 127.0.0.1.
    uvicorn.run(
        create_app(settings),
        host="127.0.0.1",
        port=port,
        server_header=False,
        proxy_headers=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
