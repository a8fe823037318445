package store

import "testing"

func TestCompatibleDates(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2026-03-04", "2026-03-04", true},
		{"2026-03-04", "2026-03-05", true},
		{"2026-03-04", "2026-03-06", false},
		{"", "", true},
		{"", "1987-06-02", false},
		{"1987-06-02", "", false},
	}
	for _, tt := range tests {
		if got := compatibleDates(tt.a, tt.b); got != tt.want {
			t.Errorf("compatibleDates(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
