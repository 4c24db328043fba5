# tmkit: two commands on a fresh Debian machine.
#   make demo   installs what is missing, builds, runs `tmkit build` on Examples/ (writes Exports/ and Glossaries/)
#   make test   installs what is missing, builds and runs every test
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/tmkit
SAMPLE = Examples/kazakhstan-az-en.txt

.PHONY: demo test deps build interop clean

deps:
	@./Scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product tmkit

demo: build
	$(BIN) build $(SAMPLE)

test: deps
	$(SWIFT) build --product tmkit
	$(SWIFT) test

clean:
	rm -rf .build
