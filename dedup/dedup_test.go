package dedup

import (
	"fmt"
	"strings"
	"testing"
)

const story = `Kyiv, Feb 25 (Reuters) - Ukraine's foreign minister met his Polish counterpart in Warsaw on Tuesday to discuss grain exports, border crossings and air defence, the ministry said in a statement after the talks.

The two ministers agreed to set up a joint working group on transit fees and to meet again in Kyiv next month, according to the statement.`

func TestHash(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", story, story, true},
		{"rewrapped", story, strings.ReplaceAll(story, " ", "\n  "), true},
		{"changed word", story, strings.Replace(story, "Tuesday", "Monday", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Hash(tt.a) == Hash(tt.b); got != tt.same {
				t.Errorf("Hash equal = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestSimHash_Near(t *testing.T) {
	base, ok := SimHash(story)
	if !ok {
		t.Fatal("story too short for SimHash")
	}
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"update prefix", "UPDATE 1-" + story, true},
		{"trailing credit", story + " (Reporting by Jane Doe)", true},
		{"case", strings.ToUpper(story), true},
		{"other story", `Berlin (dpa) - Die Bundesregierung will die Förderung für Elektroautos neu regeln und dafür im Herbst einen Gesetzentwurf vorlegen, wie ein Sprecher des Wirtschaftsministeriums am Montag sagte.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, ok := SimHash(tt.text)
			if !ok {
				t.Fatal("too short")
			}
			if got := Near(base, h); got != tt.near {
				t.Errorf("Near = %v (distance %d), want %v", got, Distance(base, h), tt.near)
			}
		})
	}
}

func TestSimHash_Short(t *testing.T) {
	if _, ok := SimHash("Too short to compare."); ok {
		t.Error("SimHash of a short text: ok = true, want false")
	}
}

func TestBands_PigeonHole(t *testing.T) {
	a := uint64(0x0123456789abcdef)
	for _, flips := range [][]uint{{0, 17, 40, 50, 60}, {1, 2, 3, 4, 5}, {15, 31, 45, 55, 63}} {
		b := a
		for _, f := range flips {
			b ^= 1 << f
		}
		ba, bb := Bands(a), Bands(b)
		shared := false
		for i := range ba {
			shared = shared || ba[i] == bb[i]
		}
		if !shared {
			t.Errorf("flips %v: no shared band", flips)
		}
	}
}

func ExampleSimHash() {
	a, _ := SimHash(story)
	b, _ := SimHash("UPDATE 1-" + story)
	fmt.Println(Near(a, b))
	// Output: true
}
