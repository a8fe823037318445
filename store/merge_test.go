package store

import (
	"strconv"
	"strings"
	"testing"
)

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

// TestPlaces checks every line of the gazetteer: a name, a latitude and a
// longitude in range, and aliases that do not name two places.
func TestPlaces(t *testing.T) {
	seen := map[string]int{}
	for i, line := range strings.Split(placesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 4 {
			t.Errorf("places.tsv:%d: %d fields, want name, lat, lon[, aliases]", i+1, len(f))
			continue
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			t.Errorf("places.tsv:%d: bad coordinates %q %q", i+1, f[1], f[2])
		}
		names := []string{f[0]}
		if len(f) == 4 {
			names = append(names, strings.Split(f[3], "|")...)
		}
		for _, n := range names {
			if prev, dup := seen[normName(n)]; dup {
				t.Errorf("places.tsv:%d: %q already named on line %d", i+1, n, prev)
			}
			seen[normName(n)] = i + 1
		}
	}
	if c, ok := lookupPlace("Kiew"); !ok || c.Lat != 50.45 {
		t.Errorf("lookupPlace(Kiew) = %v, %v", c, ok)
	}
}
