package lang

import "sync"

// Cache holds one value per language code, made by load on first use and
// shared after; a failed load is remembered too, so it is reported again
// rather than retried. It is safe for concurrent use.
type Cache[T any] struct {
	load func(code string) (T, error)
	mu   sync.Mutex
	vals map[string]T
	errs map[string]error
}

// NewCache returns a cache that loads values with load.
func NewCache[T any](load func(code string) (T, error)) *Cache[T] {
	return &Cache[T]{load: load, vals: map[string]T{}, errs: map[string]error{}}
}

// For returns the value of language code.
func (c *Cache[T]) For(code string) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.vals[code]; ok {
		return v, nil
	}
	if err, ok := c.errs[code]; ok {
		var zero T
		return zero, err
	}
	v, err := c.load(code)
	if err != nil {
		c.errs[code] = err
		return v, err
	}
	c.vals[code] = v
	return v, nil
}
