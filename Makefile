# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= corpus/rulings.db
OUT    ?= out

.PHONY: run test lint format bench clean

$(BIN)/rulings: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

run: $(BIN)/rulings
	$(BIN)/rulings --db $(DB) pipeline corpus/sample --out $(OUT)

test: $(BIN)/rulings
	$(BIN)/pytest -q

lint: $(BIN)/rulings
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(BIN)/rulings
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(BIN)/rulings
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(OUT) corpus/rulings.db corpus/rulings.db-* corpus/raw corpus/models
