package store

import (
	"sync"

	"github.com/dateline/dateline/kb"
)

// Coordinates for the map and the GeoJSON export come from the knowledge
// base (kb.Default): an entity linked to a KB entry gets the entry's
// coordinates. GeoNames cities and countries carry their own; a building
// that stands for a government ("Kremlin", "White House") has none and is
// placed at the capital of the country it stands for. Regions and the few
// cities the KB gives no coordinates stay off the map.

type coord struct{ Lat, Lon float64 }

var (
	coordsOnce sync.Once
	coords     map[string]coord // KB entry id and Wikidata id → coordinates
)

// loadCoords indexes the coordinates of the default KB, once. A KB that
// fails to load gives no coordinates, not an error: the map is a view.
func loadCoords() map[string]coord {
	coordsOnce.Do(func() {
		coords = map[string]coord{}
		k, err := kb.Default()
		if err != nil {
			return
		}
		for _, e := range k.Entries() {
			c, ok := entryCoord(k, e)
			if !ok {
				continue
			}
			coords[e.ID] = c
			if e.Wikidata != "" {
				// link.Link gives the Wikidata id as the KB reference
				// where an entry has one (kb.Entry.RefID).
				coords[e.Wikidata] = c
			}
		}
	})
	return coords
}

// entryCoord returns the coordinates of e: its own, else for a building
// the coordinates of the capital of the country it stands for (directly,
// or through the body it stands for: "Pentagon" → US Department of
// Defense → US → Washington).
func entryCoord(k *kb.KB, e *kb.Entry) (coord, bool) {
	if e.HasCoord {
		return coord{e.Lat, e.Lon}, true
	}
	if e.Kind != kb.KindBuilding || e.MetonymOf == "" {
		return coord{}, false
	}
	country := k.ByID(e.MetonymOf)
	if country != nil && country.Kind != kb.KindCountry {
		country = k.Country(country.Country)
	}
	if country == nil || country.Capital == "" {
		return coord{}, false
	}
	if capital := k.ByID(country.Capital); capital != nil && capital.HasCoord {
		return coord{capital.Lat, capital.Lon}, true
	}
	return coord{}, false
}

// lookupPlace returns the coordinates of the KB entry kbID (an entry id
// such as "geonames:756135" or a Wikidata id), false when the id is empty,
// unknown or has no coordinates.
func lookupPlace(kbID string) (coord, bool) {
	if kbID == "" {
		return coord{}, false
	}
	c, ok := loadCoords()[kbID]
	return c, ok
}
