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

func TestMinHash_Near(t *testing.T) {
	base, ok := MinHash(story)
	if !ok {
		t.Fatal("story too short for a signature")
	}
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"update prefix", "UPDATE 1-" + story, true},
		{"credit line", story + "\n\n(Reporting by Jane Doe; Editing by John Roe and Richard Example)", true},
		{"case", strings.ToUpper(story), true},
		{"templated, other numbers", strings.NewReplacer("Tuesday", "Friday", "Warsaw", "Vilnius", "Polish", "Lithuanian", "grain exports", "energy imports", "transit fees", "power lines").Replace(story), false},
		{"other story", `Berlin (dpa) - Die Bundesregierung will die Förderung für Elektroautos neu regeln und dafür im Herbst einen Gesetzentwurf vorlegen, wie ein Sprecher des Wirtschaftsministeriums am Montag sagte.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := MinHash(tt.text)
			if !ok {
				t.Fatal("too short")
			}
			if got := Near(base, s); got != tt.near {
				t.Errorf("Near = %v (similarity %.2f), want %v", got, Similarity(base, s), tt.near)
			}
			if tt.near {
				shared := false
				ba, bb := base.Bands(), s.Bands()
				for i := range ba {
					shared = shared || ba[i] == bb[i]
				}
				if !shared {
					t.Error("near-duplicates share no band: the index would miss them")
				}
			}
		})
	}
}

func TestMinHash_Short(t *testing.T) {
	if _, ok := MinHash("Too short to compare."); ok {
		t.Error("MinHash of a short text: ok = true, want false")
	}
}

func TestSignature_Bytes(t *testing.T) {
	s, _ := MinHash(story)
	got, err := ParseSignature(s.Bytes())
	if err != nil || got != s {
		t.Errorf("round trip: %v, %v", got == s, err)
	}
	if _, err := ParseSignature([]byte{1, 2, 3}); err == nil {
		t.Error("ParseSignature accepted 3 bytes")
	}
}

func ExampleMinHash() {
	a, _ := MinHash(story)
	b, _ := MinHash("UPDATE 1-" + story + " (Reporting by Jane Doe)")
	fmt.Println(Near(a, b))
	// Output: true
}
