package lang

import (
	"errors"
	"testing"
)

func TestCache(t *testing.T) {
	calls := 0
	c := NewCache(func(code string) (string, error) {
		calls++
		if code == "xx" {
			return "", errors.New("no data for xx")
		}
		return "tagger " + code, nil
	})
	for range 2 {
		if v, err := c.For("de"); err != nil || v != "tagger de" {
			t.Fatalf("For(de) = %q, %v", v, err)
		}
		if _, err := c.For("xx"); err == nil {
			t.Fatal("For(xx): no error")
		}
	}
	if calls != 2 {
		t.Errorf("load called %d times, want 2 (once a code)", calls)
	}
}
