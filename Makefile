# Short names for the scripts in scripts/ (each sets itself up when needed).
.PHONY: setup provision chat serve web test lint report benchmark audit train clean

setup:  ## install the pinned environment, build the spaCy pipeline, train if stale
	bash scripts/setup

provision: ## install the host packages the tests need (Debian: chromium, postgresql, redis-server; as root)
	bash scripts/provision

chat:   ## set up, start the action server, chat in the terminal
	bash scripts/chat

serve:  ## set up, run the action server and the Rasa server (REST + channels)
	bash scripts/serve

web:    ## set up, start the servers and the web chat page, print its URL
	bash scripts/web

test:   ## lint, then every test (what CI runs)
	bash scripts/test

lint:   ## ruff (lint and format) and mypy
	bash scripts/lint

report: ## understanding and safety report, ours next to Rasa's default config (results/report/)
	bash scripts/report

benchmark: ## speed and cost benchmark, ours next to Rasa's default config (results/benchmark/)
	bash scripts/benchmark

audit:  ## dependency audit of uv.lock (pip-audit + offline advisories)
	bash scripts/audit

train:  ## retrain even if nothing changed
	rm -f models/current.fingerprint && bash scripts/setup

clean:  ## remove trained models, results, logs and local conversation databases
	rm -rf models results logs build tracker.db
