package store

import (
	"math"
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

// TestLookupPlace checks that entities linked to the KB get coordinates:
// cities and countries their own, a building standing for a government
// the capital's, regions none.
func TestLookupPlace(t *testing.T) {
	tests := []struct {
		name, kbID string
		lat, lon   float64 // rounded to 0.1
		ok         bool
	}{
		{"GeoNames city", "geonames:703448", 50.5, 30.5, true},        // Kyiv
		{"country", "iso3166:PL", 52, 20, true},                       // Poland
		{"building of a state", "dl:place:kremlin", 55.8, 37.6, true}, // Moscow
		{"building of a body", "dl:place:pentagon", 38.9, -77, true},  // Washington
		{"region", "dl:place:europe", 0, 0, false},
		{"person", "dl:person:donald-trump", 0, 0, false},
		{"unknown id", "geonames:0", 0, 0, false},
		{"unlinked", "", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := lookupPlace(tt.kbID)
			round := func(f float64) float64 { return math.Round(f*10) / 10 }
			if ok != tt.ok || ok && (round(c.Lat) != tt.lat || round(c.Lon) != tt.lon) {
				t.Errorf("lookupPlace(%q) = %v, %v; want {%v %v}, %v", tt.kbID, c, ok, tt.lat, tt.lon, tt.ok)
			}
		})
	}
}
