package store

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// places.tsv is a small gazetteer (capitals, countries, financial centres)
// that gives event places coordinates for the map and the GeoJSON export.

//go:embed places.tsv
var placesTSV string

type coord struct{ Lat, Lon float64 }

var (
	placesOnce sync.Once
	places     map[string]coord
)

func loadPlaces() map[string]coord {
	placesOnce.Do(func() {
		places = map[string]coord{}
		for _, line := range strings.Split(placesTSV, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 3 {
				continue // checked by TestPlaces
			}
			lat, err1 := strconv.ParseFloat(f[1], 64)
			lon, err2 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil {
				continue
			}
			c := coord{lat, lon}
			places[normName(f[0])] = c
			if len(f) > 3 {
				for _, a := range strings.Split(f[3], "|") {
					places[normName(a)] = c
				}
			}
		}
	})
	return places
}

// lookupPlace returns the coordinates of the first name found in the
// gazetteer.
func lookupPlace(names ...string) (coord, bool) {
	p := loadPlaces()
	for _, n := range names {
		if c, ok := p[normName(n)]; ok && n != "" {
			return c, true
		}
	}
	return coord{}, false
}
