"""Input channels registered in credentials.yml: the web chat's socket.io channel and Telegram."""
