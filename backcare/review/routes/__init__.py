"""One router per resource: sign-in, one's own account, conversations, reviewing (notes,
marks, corrections), exports, dashboard, admin."""
