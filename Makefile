# The one test command (README, .ci/run): installs what the tests need, then
# runs the whole suite with the race detector. PostgreSQL, the Teams Agents
# Playground, Chromium and the pinned Helm are required here, so their
# absence fails the run.
.PHONY: test deps run build fuzz

test: deps
	WERKPLEK_TEST_POSTGRES=require WERKPLEK_TEST_PLAYGROUND=require WERKPLEK_TEST_BROWSER=require WERKPLEK_TEST_HELM=require go test -race -timeout 30m ./...

deps:
	bash scripts/test-deps

run:
	go run ./bot demo

build:
	go build -o werkplek ./bot

# A short run of each fuzz target of the command language (CI runs it):
# nothing may panic, and what reads without a mistake writes back to a
# command that reads the same.
fuzz:
	go test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=15s ./intranet/feature
	go test -run='^$$' -fuzz='^FuzzRead$$' -fuzztime=10s ./intranet/when
	go test -run='^$$' -fuzz='^FuzzQuote$$' -fuzztime=10s ./intranet/grammar
