"""The load client (`client.py`, app environment: httpx) and what the simulated people say
(`conversations.py`, plain data for both environments). The command line is bench/load.py."""
