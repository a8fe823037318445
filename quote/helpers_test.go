package quote

import (
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/segment"
)

// segmentDoc fills d.Tokens and d.Sentences with package segment, as the
// pipeline does before the quote stage.
func segmentDoc(t testing.TB, d *doc.Document) {
	t.Helper()
	s, err := segment.New(d.Lang)
	if err != nil {
		t.Fatal(err)
	}
	d.Tokens = s.Tokens(d.Text, nil)
	d.Sentences = s.Sentences(d.Text, d.Tokens, nil)
}
