"""One router per resource: sign-in, conversations, reviewing (notes, marks,
corrections), exports, dashboard, admin."""
