package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Warm opens conns connections to the database and runs the statements of
// every request on each (the account lookup the adapters' requests start
// with, the installation check, phonebook searches by name and by number),
// so that the first requests after a start find connections open and
// statements prepared, and the search's index pages in the database's
// cache, instead of paying for them while people wait. On SQLite, which
// serves one process from a local file, the statements run once without a
// transaction: a transaction there takes the file's write lock (the store
// begins them IMMEDIATE), which the process's jobs and first requests
// would then wait for.
func (s *Store) Warm(ctx context.Context, conns int) error {
	if s.engine == SQLite {
		if err := s.warmStatements(ctx); err != nil {
			return fmt.Errorf("warm database: %w", err)
		}
		return nil
	}
	if conns < 1 {
		conns = 1
	}
	// Each worker holds a transaction, so its connection, until every
	// worker has one (or a moment has passed): then they are conns
	// different connections.
	var held sync.WaitGroup
	held.Add(conns)
	all := make(chan struct{})
	go func() { held.Wait(); close(all) }()
	errs := make([]error, conns)
	var done sync.WaitGroup
	for i := range conns {
		done.Add(1)
		go func() {
			defer done.Done()
			once := sync.OnceFunc(held.Done)
			defer once()
			errs[i] = s.InTx(ctx, func(ctx context.Context) error {
				if err := s.warmStatements(ctx); err != nil {
					return err
				}
				once()
				select {
				case <-all:
				case <-time.After(2 * time.Second):
				case <-ctx.Done():
					return ctx.Err()
				}
				return nil
			})
		}()
	}
	done.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("warm database: %w", err)
	}
	return nil
}

// warmStatements runs the statements of a typical request once.
func (s *Store) warmStatements(ctx context.Context) error {
	if _, err := s.FindAccount(ctx, intranet.PlatformSlack, "warm-up", "warm-up"); intranet.ErrorCode(err) != intranet.ENOTFOUND && err != nil {
		return err
	}
	if _, err := s.State(ctx, "warm-up", "warm-up"); intranet.ErrorCode(err) != intranet.ENOTFOUND && err != nil {
		return err
	}
	for _, q := range []string{"jansen", "de vries", "a", "0612345678"} {
		if _, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: q}); err != nil {
			return err
		}
	}
	return nil
}
