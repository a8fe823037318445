package timex

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dateline/dateline/doc"
)

// TimeMLDoc is a TimeML document as read by ReadTimeML: the text of its
// TEXT element with the tags removed, and the TIMEX3 annotations in it.
type TimeMLDoc struct {
	DocID   string
	DCT     string // value of the TIMEX3 with functionInDocument="CREATION_TIME"
	DCTText string // its text
	Text    string
	Timexes []TimeMLTimex
}

// TimeMLTimex is one gold TIMEX3 of a TimeMLDoc.
type TimeMLTimex struct {
	doc.Span // byte offsets into TimeMLDoc.Text
	ID       string
	Type     string
	Value    string
	Mod      string
}

// Anchor returns the document creation time as a date (zero when absent
// or unparseable).
func (d *TimeMLDoc) Anchor() time.Time {
	v := d.DCT
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t
		}
	}
	if len(v) == 8 {
		if t, err := time.Parse("20060102", v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// ErrTimeML is wrapped by errors about malformed TimeML.
var ErrTimeML = errors.New("timeml")

// ReadTimeML reads a TimeML document. Elements other than TIMEX3 inside
// TEXT (EVENT, SIGNAL, ...) are dropped, their text kept.
func ReadTimeML(r io.Reader) (*TimeMLDoc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	out := &TimeMLDoc{}
	var text strings.Builder
	inText, inDCT, inDocID := false, false, false
	var open *TimeMLTimex
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrTimeML, lineOf(dec), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				tx := TimeMLTimex{}
				fn := ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "tid":
						tx.ID = a.Value
					case "type":
						tx.Type = a.Value
					case "value":
						tx.Value = a.Value
					case "mod":
						tx.Mod = a.Value
					case "functionInDocument":
						fn = a.Value
					}
				}
				if fn == "CREATION_TIME" && out.DCT == "" {
					out.DCT = tx.Value
				}
				if inText {
					if open != nil {
						return nil, fmt.Errorf("%w: line %d: nested TIMEX3", ErrTimeML, lineOf(dec))
					}
					tx.Start = text.Len()
					open = &tx
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				if open != nil {
					return nil, fmt.Errorf("%w: line %d: TIMEX3 %s not closed inside TEXT", ErrTimeML, lineOf(dec), open.ID)
				}
				inText = false
			case "DCT":
				inDCT = false
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if inText && open != nil {
					open.End = text.Len()
					out.Timexes = append(out.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			switch {
			case inText:
				text.Write(t)
			case inDCT:
				out.DCTText += string(t)
			case inDocID:
				out.DocID += strings.TrimSpace(string(t))
			}
		}
	}
	if open != nil {
		return nil, fmt.Errorf("%w: unclosed TIMEX3 %s", ErrTimeML, open.ID)
	}
	out.Text = text.String()
	out.DCTText = strings.TrimSpace(out.DCTText)
	return out, nil
}

func lineOf(dec *xml.Decoder) int {
	l, _ := dec.InputPos()
	return l
}

// WriteTimeML writes d's header and text with timexes as TIMEX3 tags, in
// the layout TempEval-3 systems submit (one file per input document).
func WriteTimeML(w io.Writer, d *TimeMLDoc, timexes []doc.Timex) error {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n")
	fmt.Fprintf(&b, "<DOCID>%s</DOCID>\n\n", esc(d.DocID))
	fmt.Fprintf(&b, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n\n", esc(d.DCT), esc(d.DCTText))
	b.WriteString("<TEXT>")
	pos := 0
	for i, tx := range timexes {
		if tx.Start < pos || !tx.Span.Valid(len(d.Text)) {
			continue
		}
		b.WriteString(esc(d.Text[pos:tx.Start]))
		fmt.Fprintf(&b, "<TIMEX3 tid=\"t%d\" type=\"%s\" value=\"%s\"", i+1, esc(tx.Type), esc(tx.Value))
		if tx.Mod != "" {
			fmt.Fprintf(&b, " mod=\"%s\"", esc(tx.Mod))
		}
		fmt.Fprintf(&b, ">%s</TIMEX3>", esc(d.Text[tx.Start:tx.End]))
		pos = tx.End
	}
	b.WriteString(esc(d.Text[pos:]))
	b.WriteString("</TEXT>\n\n</TimeML>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")

func esc(s string) string { return escaper.Replace(s) }
