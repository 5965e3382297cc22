# The one test command (README, .ci/run): installs what the tests need, then
# runs the whole suite with the race detector. PostgreSQL and the Teams
# Agents Playground are required here, so their absence fails the run.
.PHONY: test deps run build

test: deps
	WERKPLEK_TEST_POSTGRES=require WERKPLEK_TEST_PLAYGROUND=require go test -race -timeout 30m ./...

deps:
	bash scripts/test-deps

run:
	go run ./bot demo

build:
	go build -o werkplek ./bot
