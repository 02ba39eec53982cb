# Backbone: the back-pain education assistant. `make run` and `make test` do all the set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := help
ENV := source scripts/env.sh &&

.PHONY: help env db screening-responses train web pictures run shell test test-app test-bot test-browser validate story-test lint system-packages review-user corrections bench-nlu bench-real bench-conversations bench-gaps up-prod down-prod bench-load test-prod clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

env: ## Create or refresh both Python environments (skipped when the lock files are unchanged)
	@scripts/ensure_env.sh app & app=$$!; scripts/ensure_env.sh bot; bot=$$?; wait $$app && exit $$bot

db: env ## Migrate the knowledge database and load data/knowledge into it
	@$(ENV) "$$APP_PY" -m backcare.knowledge

screening-responses: env ## Write the screening questions as domain responses (domain/generated/) from data/knowledge
	@$(ENV) "$$APP_PY" -m backcare.knowledge.screening_responses

train: env ## Train a model if config.yml, domain/ or data/ changed since the last one
	@scripts/train.sh

web: ## Bundle the chat page's socket.io client into web/public/vendor (skipped when current)
	@scripts/build_web.sh

pictures: env ## Render the exercise pictures (web/pictures/*.svg) to PNG for Telegram, in var/pictures (skipped when current)
	@$(ENV) "$$APP_PY" -m backcare.picture_render

run: db web pictures ## Install what is missing, build the database, train if needed, start everything
	@scripts/train.sh || scripts/current_model.sh >/dev/null
	@scripts/run.sh

shell: db ## Talk to the assistant in the terminal (starts the action server too)
	@scripts/train.sh || scripts/current_model.sh >/dev/null
	@scripts/shell.sh

system-packages: ## Debian packages the tests use: PostgreSQL, Redis, nginx, Chromium, kubectl
	@scripts/ensure_system_packages.sh

validate: screening-responses ## rasa data validate, failing on any warning
	@$(ENV) "$$RASA" data validate --fail-on-warnings --config config.yml --domain domain --data data

test-app: db system-packages pictures ## pytest in the app environment (knowledge base, actions, review app, integration)
	@$(ENV) "$$APP_PY" -m pytest tests/app tests/review tests/integration tests/security -q

test-bot: train ## pytest in the bot environment (red-flag detector, slots, NLU gates)
	@$(ENV) "$$BOT_PY" -m pytest tests/bot -q

story-test: train ## rasa test on the test stories
	@scripts/story_test.sh

test-browser: db web system-packages pictures ## Browser tests of the chat page (headless Chromium)
	@$(ENV) "$$APP_PY" -m pytest tests/browser -q

test: db system-packages screening-responses web pictures ## The whole suite (nine lanes side by side: scripts/test_suites.sh)
	@# Validation (one core) and training side by side, then the lanes.
	@$(MAKE) --no-print-directory -j2 validate train
	@scripts/test_suites.sh

lint: env ## ruff on all code, mypy on the app package
	@.venv/app/bin/ruff check .
	@.venv/app/bin/ruff format --check .
	@.venv/app/bin/mypy

review-user: db ## Create a review account (asks for the password): make review-user EMAIL=you@example.org ROLE=admin
	@$(ENV) "$$APP_PY" -m backcare.review.admin create-user --role $(or $(ROLE),clinician) "$(EMAIL)"

corrections: env ## Write the clinicians' topic corrections (review app) to data/knowledge/topic_corrections.yml; read the diff, commit, then make db
	@$(ENV) "$$APP_PY" -m backcare.review.admin export-topic-corrections --out data/knowledge/topic_corrections.yml

bench-nlu: env ## Compare the candidate NLU pipelines on the held-out set (docs/nlu-pipeline.md)
	@$(ENV) "$$BOT_PY" -m bot_extensions.spacy_model var/spacy/en_backbone && "$$BOT_PY" bench/compare_nlu_pipelines.py

bench-conversations: db train ## Every stored conversation of every round (make test runs fewer of the older rounds': tests/integration/test_conversations.py)
	@$(ENV) CONVERSATIONS_ALL=1 "$$APP_PY" -m pytest tests/integration/test_conversations.py -q -p no:cacheprovider

bench-gaps: db train ## The known gaps' conversations (tests/scenarios/known_gaps.yml): none may fail on safety
	@$(ENV) "$$APP_PY" -m pytest tests/integration/test_known_gaps.py -q -p no:cacheprovider

bench-real: db train ## Score the assistant on real people's messages (docs/nlu-pipeline.md)
	@# The report is written even when a level is lost: the gate's failure is then shown too.
	@$(ENV) REAL_MESSAGES_REPORT=var/bench/real-messages "$$APP_PY" -m pytest tests/integration/test_real_messages.py -q -p no:cacheprovider || true
	@.venv/app/bin/python bench/real_messages_report.py var/bench/real-messages

up-prod: env system-packages ## Start the production profile in the background (PostgreSQL, Redis, nginx, 2 Rasa servers)
	@scripts/train.sh || scripts/current_model.sh >/dev/null
	@scripts/prod/up.sh

down-prod: ## Stop the production profile (data kept in var/prod)
	@scripts/prod/down.sh

bench-load: env ## Load-test the running production profile (make up-prod): open-loop capacity and turn cost next to Rasa's default bot
	@.venv/app/bin/python bench/load.py capacity

test-prod: env system-packages ## Fault tests on a private production profile (about 2-4 minutes)
	@$(ENV) "$$APP_PY" -m pytest tests/prod -q

clean: ## Remove trained models and local databases (keeps the environments)
	rm -rf models/*.tar.gz var/ .rasa/
