package mock

import (
	"context"
	"sync"

	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.StateStore = (*StateStore)(nil)
	_ intranet.Locker     = (*StateStore)(nil)
)

// StateStore is an in-memory StateStore and Locker; its zero value is ready.
type StateStore struct {
	mu    sync.Mutex
	data  map[string]map[string]string
	locks sync.Map // name -> *sync.Mutex

	// ClaimErr, when set, is what ClaimState returns, as a database that
	// cannot be reached would (set it before the calls).
	ClaimErr error
}

func (s *StateStore) State(ctx context.Context, namespace, key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.data[namespace][key]
	if !ok {
		return "", intranet.Errorf(intranet.ENOTFOUND, "no state %s/%s", namespace, key)
	}
	return v, nil
}

func (s *StateStore) SetState(ctx context.Context, namespace, key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ns(namespace)[key] = value
	return nil
}

func (s *StateStore) ClaimState(ctx context.Context, namespace, key, value string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ClaimErr != nil {
		return false, s.ClaimErr
	}
	m := s.ns(namespace)
	if _, ok := m[key]; ok {
		return false, nil
	}
	m[key] = value
	return true, nil
}

func (s *StateStore) StateList(ctx context.Context, namespace string) (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for k, v := range s.data[namespace] {
		out[k] = v
	}
	return out, nil
}

func (s *StateStore) DeleteState(ctx context.Context, namespace, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.data[namespace], key)
	return nil
}

func (s *StateStore) WithLock(ctx context.Context, name string, fn func(ctx context.Context) error) error {
	l, _ := s.locks.LoadOrStore(name, &sync.Mutex{})
	mu := l.(*sync.Mutex)
	mu.Lock()
	defer mu.Unlock()
	return fn(ctx)
}

func (s *StateStore) ns(namespace string) map[string]string {
	if s.data == nil {
		s.data = map[string]map[string]string{}
	}
	if s.data[namespace] == nil {
		s.data[namespace] = map[string]string{}
	}
	return s.data[namespace]
}
