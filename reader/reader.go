// Package reader reads news stories, in the formats people have them, into
// *doc.Document values: one Document per story, its Text the story as read.
//
// Formats (see Format): the record format of wire exports (a " date
// YYYY-MM-DD" line before each story), plain text (one story per file), JSON
// Lines, the Reuters-21578 SGML files and the 10kGNAD CSV. Open picks the
// format from Options.Format, else from the file name, else by sniffing the
// first 8 KiB of the input.
//
// # Contract shared by all readers
//
//   - Next returns one Document per record and io.EOF at the end.
//   - A malformed record (bad date, bad JSON, no text, record too large, …)
//     is returned as a *RecordError naming the file, the record number and
//     the line; the following call continues with the next record. One bad
//     record never loses the rest.
//   - An I/O error is fatal: it is returned wrapped with %w and every later
//     call returns it again.
//   - Every Document has Origin{File, Record, Line}: Record counts the
//     records of the file from 1 (bad ones included, so numbers match the
//     input), Line is the 1-based line where the record starts.
//   - ID is the input's id when it has one, else "sha256:" followed by the
//     first 16 hex digits of the SHA-256 of Text (stable across runs and
//     files: the same story gets the same id).
//   - Date is the input's publication date, else Options.Date.
//   - Options.Lang, when set, overrides the input's language and sets
//     LangGiven.
//
// # Text normalisation
//
// Text is the record's text with leading and trailing white space trimmed
// and nothing else changed except:
//
//   - a UTF-8 byte order mark at the start of the input is dropped; input
//     starting with a UTF-16 BOM is decoded from UTF-16;
//   - CRLF and lone CR line endings become LF;
//   - control characters other than LF and TAB (C0, DEL and C1) become a
//     space; the SGML reader drops them instead, as in Reuters-21578 they
//     are transmission codes (&#2;, &#3;, …), but turns DEL into a space
//     (see SGMLStory);
//   - a record that is not valid UTF-8 is decoded as Windows-1252 (a superset
//     of Latin-1 printable characters), and the Document gets the non-fatal
//     error code "encoding.windows1252". When the record is mostly valid
//     UTF-8 with a few stray bytes, only the stray bytes are decoded that
//     way. Bytes Windows-1252 leaves undefined become U+FFFD. Text is
//     therefore always valid UTF-8.
//
// Records are streamed: the Record, JSONL, SGML and GNAD readers hold one
// record in memory, never the whole input (Text holds its one story). A
// record larger than MaxRecordBytes is a RecordError and is skipped without
// being held.
package reader

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/dateline/dateline/doc"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Format names an input format.
type Format string

// The input formats, and how each maps to Document fields. In every
// format ID falls back to TextID(Text), Date to Options.Date, and
// Options.Lang overrides Lang.
const (
	// Auto detects the format from the file name, else from the content
	// (see DetectFormat).
	Auto Format = "auto"

	// Record is the wire-export format, many stories to a file. A record
	// starts with a header line: optional spaces or tabs, the word "date"
	// (lower case), spaces or tabs, and a date, YYYY-MM-DD or RFC 3339
	// (e.g. " date 2026-02-26"). The story may begin on the header line
	// after the date or on the next line, and runs to the next header;
	// paragraphs are separated by blank lines and kept. Any line that
	// starts with "date" and a token of four digits and '-' is a header,
	// so such a line inside a story starts a new record; when its token
	// is not a valid date ("2026-02-30") the record is a RecordError.
	// Non-blank text before the first header is a RecordError with Record
	// 0. Fields: Date from the header, Text the story.
	Record Format = "record"

	// Text is one plain-text story per input: Text is all of it (record
	// 1), nothing else is read from it.
	Text Format = "text"

	// JSONL is JSON Lines, one object per non-blank line (blank lines are
	// skipped and not counted):
	//
	//	"id"      string or number → ID
	//	"date"    "YYYY-MM-DD" or RFC 3339 → Date
	//	"title"   → Title (white space collapsed to single spaces)
	//	"text"    → Text; required and not blank
	//	"lang"    → Lang, LangGiven (lower case, region dropped: "de-AT" → "de")
	//	"url"     → URL
	//	"source"  → Source
	//
	// Unknown fields are ignored and null is the same as absent. A line
	// that is not a JSON object, lacks text, or has a bad date or an id
	// that is neither string nor number is a RecordError. A line that is
	// not valid UTF-8 is decoded as Windows-1252 before it is parsed.
	JSONL Format = "jsonl"

	// SGML is the Reuters-21578 SGML (reut2-NNN.sgm): each <REUTERS>
	// element is a record (see ReadSGML and SGMLStory.Text):
	//
	//	NEWID attribute  → ID
	//	<DATE>           → Date, UTC ("26-FEB-1987 15:01:01.79"); a time that
	//	                   cannot be read gives the day and the non-fatal
	//	                   error "date.no-time"
	//	<TITLE>          → Title (white space collapsed)
	//	<DATELINE><BODY> → Text: the dateline in front of the body as on the
	//	                   wire, trimmed ("SALVADOR, Feb 26 - Showers ...");
	//	                   a BRIEF (no body) gets its title as Text, an
	//	                   UNPROC its unprocessed text
	//	                 → Source "Reuters", Lang "en" (given)
	//
	// An element without </REUTERS>, without any text, or whose <DATE>
	// cannot be read is a RecordError, and so is an input that is not
	// blank but holds no <REUTERS> element at all (Record 0). Text
	// between elements (the DOCTYPE line) is skipped.
	SGML Format = "sgml"

	// GNAD is the 10kGNAD CSV: records "label;text" separated by ';' and
	// quoted with ' (a quote inside a quoted field is written twice); a
	// quoted field may span lines. Parsing is lenient like Python's csv
	// module: a quote inside an unquoted field is a literal character and
	// text after a closing quote is kept; a first line "label;text" is
	// skipped. Fields: Text the text field (title and body run together,
	// as in the corpus; more than two fields are joined with ';'), Source
	// "10kGNAD/<label>" (e.g. "10kGNAD/Sport"), Lang "de" (given). A record
	// without ';', without text, or whose quote is not closed before the
	// end of the input is a RecordError.
	GNAD Format = "gnad"
)

// Formats lists the formats ParseFormat accepts, Auto first.
var Formats = []Format{Auto, Record, Text, JSONL, SGML, GNAD}

// ParseFormat returns the Format named by s (case-insensitive; "" means
// Auto).
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Auto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("reader: unknown format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Options control reading.
type Options struct {
	// Format of the input; "" or Auto detects it.
	Format Format
	// Date is the publication date for records whose input names none
	// (the CLI's --date).
	Date time.Time
	// Lang, when not empty, is every Document's language (the CLI's
	// --lang): it overrides the input's and sets LangGiven.
	Lang string
}

// Reader yields the stories of one input.
type Reader interface {
	// Next returns the next Document; io.EOF at the end; a *RecordError
	// for a malformed record, after which reading continues; any other
	// error is fatal and sticky.
	Next() (*doc.Document, error)
}

// RecordError is a malformed record. Reading continues after it.
type RecordError struct {
	File   string // "-" for standard input
	Record int    // 1-based record number; 0 for text before the first record
	Line   int    // 1-based line where the record starts; 0 when unknown
	Reason string
}

func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: record %d (line %d): %s", e.File, e.Record, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: record %d: %s", e.File, e.Record, e.Reason)
}

// MaxRecordBytes is the largest record a reader accepts; a larger one is a
// RecordError (and is skipped without being held in memory).
const MaxRecordBytes = 64 << 20

// maxRecordBytes is MaxRecordBytes, lowered by tests.
var maxRecordBytes = MaxRecordBytes

// sniffSize is how much of the input Open looks at to detect the format
// (it waits for that much, or the end, before it returns).
const sniffSize = 8 << 10

// bufSize is the size of the input buffer.
const bufSize = 64 << 10

// Open returns a Reader for r. name is the input's file name, used in
// messages, Origin.File and format detection ("-" for standard input).
//
// With Options.Format empty or Auto, the format comes from the extension
// (.sgm/.sgml → SGML, .jsonl/.ndjson → JSONL, .csv → GNAD, .txt → Record
// when its first non-blank line is a record header, else Text) and, for
// other names such as "-", from the content (see DetectFormat).
//
// With Auto, Open reads ahead 8 KiB (or to the end of a shorter input)
// before it returns; the returned Reader streams the rest. Open fails only
// for an unknown format or an I/O error while looking ahead.
func Open(name string, r io.Reader, opt Options) (Reader, error) {
	f, err := ParseFormat(string(opt.Format))
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, bufSize)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reader: %s: %w", name, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), bufSize)
	}
	if f == Auto {
		head, err := br.Peek(sniffSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, fmt.Errorf("reader: %s: %w", name, err)
		}
		f = DetectFormat(name, head)
	}
	b := base{name: name, opt: opt}
	switch f {
	case Record:
		return &recordReader{base: b, lr: newLineReader(br)}, nil
	case Text:
		return &textReader{base: b, r: br}, nil
	case JSONL:
		return &jsonlReader{base: b, lr: newLineReader(br)}, nil
	case SGML:
		return newSGMLReader(b, br), nil
	case GNAD:
		return &gnadReader{base: b, lr: newLineReader(br)}, nil
	}
	return nil, fmt.Errorf("reader: %s: unsupported format %q", name, f)
}

// DetectFormat picks the format of an input from its name and its first
// bytes (head, after any byte order mark). By extension: .sgm and .sgml are
// SGML, .jsonl and .ndjson JSONL, .csv GNAD, and .txt Record when the first
// non-blank line is a record header, else Text. Otherwise by content: SGML
// when it starts with '<' and holds a <REUTERS element, JSONL when it starts
// with '{', Record when its first non-blank line is a record header, GNAD
// when its first line starts with a short "Label;" and Text otherwise.
func DetectFormat(name string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".sgm", ".sgml":
		return SGML
	case ".jsonl", ".ndjson":
		return JSONL
	case ".csv":
		return GNAD
	case ".txt":
		if _, _, ok := parseHeader(firstNonBlankLine(head)); ok {
			return Record
		}
		return Text
	}
	t := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(t) == 0:
		return Text
	case t[0] == '<' && bytes.Contains(t, []byte("<REUTERS")):
		return SGML
	case t[0] == '{':
		return JSONL
	}
	if _, _, ok := parseHeader(firstNonBlankLine(head)); ok {
		return Record
	}
	if looksLikeGNAD(head) {
		return GNAD
	}
	return Text
}

func firstNonBlankLine(b []byte) []byte {
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
	}
	return nil
}

// looksLikeGNAD reports whether b starts with a label of letters (at most
// 32) followed by ';' and some text.
func looksLikeGNAD(b []byte) bool {
	i := 0
	for i < len(b) && i <= 32 && (b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 'a' && b[i] <= 'z' || i > 0 && (b[i] == '-' || b[i] == '_' || b[i] >= '0' && b[i] <= '9')) {
		i++
	}
	return i > 0 && i < len(b)-1 && b[i] == ';'
}

// base holds what every reader needs to build Documents and errors.
type base struct {
	name string
	opt  Options
	err  error // sticky fatal error or io.EOF
}

func (b *base) recordError(rec, line int, format string, args ...any) *RecordError {
	return &RecordError{File: b.name, Record: rec, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// fatal records an I/O error; it is returned now and by every later call.
func (b *base) fatal(err error) error {
	b.err = fmt.Errorf("reader: %s: %w", b.name, err)
	return b.err
}

// newDoc returns a Document for text read from record rec at line, with
// the defaults from the options applied. cp1252 tells whether the text was
// decoded from Windows-1252.
func (b *base) newDoc(text string, rec, line int, cp1252 bool) *doc.Document {
	d := &doc.Document{
		Text:   text,
		Date:   b.opt.Date,
		Origin: doc.Origin{File: b.name, Record: rec, Line: line},
	}
	if cp1252 {
		d.AddError("reader", "encoding.windows1252", "input is not valid UTF-8; decoded as Windows-1252")
	}
	return d
}

// finish sets the id when the input gave none and applies the language
// override.
func (b *base) finish(d *doc.Document) *doc.Document {
	if d.ID == "" {
		d.ID = TextID(d.Text)
	}
	if b.opt.Lang != "" {
		d.Lang, d.LangGiven = b.opt.Lang, true
	}
	return d
}

// TextID returns the id given to a story whose input has none: "sha256:"
// and the first 16 hex digits of the SHA-256 of text.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:8])
}

// parseDate parses a date given as YYYY-MM-DD (midnight UTC) or RFC 3339.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Time{}, errors.New("want YYYY-MM-DD or RFC 3339")
}

// normLang normalises a language tag from the input: lower case, region
// dropped ("de-AT" → "de").
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	return s
}
