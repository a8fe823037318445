package reader

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ctrlPolicy says what cleanText does with control characters.
type ctrlPolicy uint8

const (
	ctrlSpace ctrlPolicy = iota // replace by a space (keeps words apart)
	ctrlDrop                    // drop (SGML transmission codes), but DEL becomes a space
)

// cleanText returns b as valid UTF-8 text: CRLF and lone CR become LF,
// control characters other than LF and TAB are replaced or dropped as ctrl
// says, and invalid UTF-8 is decoded as Windows-1252 (reported by cp1252).
// When b is mostly valid UTF-8 with a few stray bytes, only those bytes are
// decoded as Windows-1252; otherwise the whole of b is, so that Latin-1
// text whose byte pairs happen to form UTF-8 sequences ("ß“" is 0xDF 0x93)
// is not misread. It does not trim.
func cleanText(b []byte, ctrl ctrlPolicy) (s string, cp1252 bool) {
	if isClean(b) {
		return string(b), false
	}
	return cleanSlow(b, ctrl)
}

// cleanString is cleanText for a string; it returns s itself when there is
// nothing to change.
func cleanString(s string, ctrl ctrlPolicy) (string, bool) {
	if isClean(s) {
		return s, false
	}
	return cleanSlow([]byte(s), ctrl)
}

// isClean reports whether b is valid UTF-8 without CR or control
// characters other than LF and TAB, that is whether cleanText leaves it as
// it is.
func isClean[T string | []byte](b T) bool {
	ascii := true
	i := 0
	// Eight bytes at a time while none is a control character or
	// non-ASCII: a word has a byte < 0x20 when (x - 0x20…) & ^x & 0x80…
	// is not zero, and a byte ≥ 0x7F when (x + 0x01…) | x has a high bit.
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		x := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		if ((x-0x20*lo)&^x|(x+lo)|x)&hi == 0 {
			continue
		}
		for _, c := range []byte(b[i : i+8]) {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
				return false
			}
			if c >= 0x80 {
				ascii = false
			}
		}
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
			return false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return true
	}
	switch v := any(b).(type) {
	case string:
		if !utf8.ValidString(v) {
			return false
		}
	case []byte:
		if !utf8.Valid(v) {
			return false
		}
	}
	// Valid UTF-8: C1 controls (U+0080–U+009F, encoded C2 80–C2 9F) remain.
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 0xC2 && b[i+1] < 0xA0 {
			return false
		}
	}
	return true
}

// cleanSlow is cleanText's general path.
func cleanSlow(b []byte, ctrl ctrlPolicy) (string, bool) {
	// Decide how to treat invalid bytes: count valid multi-byte sequences
	// against invalid bytes.
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	wholeCP1252 := invalid > 0 && valid <= invalid
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	control := func(c rune) {
		if ctrl == ctrlSpace || c == 0x7F {
			sb.WriteByte(' ')
		}
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			switch {
			case c == '\r':
				sb.WriteByte('\n')
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case c < 0x20 && c != '\n' && c != '\t' || c == 0x7F:
				control(rune(c))
			default:
				sb.WriteByte(c)
			}
			i++
			continue
		}
		if !wholeCP1252 {
			r, n := utf8.DecodeRune(b[i:])
			if !(r == utf8.RuneError && n == 1) {
				if r < 0xA0 {
					control(r)
				} else {
					sb.Write(b[i : i+n])
				}
				i += n
				continue
			}
		}
		sb.WriteRune(charmap.Windows1252.DecodeByte(c))
		i++
	}
	return sb.String(), invalid > 0
}

// collapseSpace returns s trimmed with each run of white space replaced by
// one space (for titles).
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// isBlank reports whether b holds only ASCII white space.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// lineReader returns the lines of a stream one at a time, with their
// numbers, holding at most MaxRecordBytes of one line.
type lineReader struct {
	r    *bufio.Reader
	n    int    // number of the line last returned
	buf  []byte // assembles lines longer than r's buffer
	long bool   // the line last returned was cut at MaxRecordBytes
}

func newLineReader(r *bufio.Reader) *lineReader { return &lineReader{r: r} }

// next returns the next line including its '\n' (absent on a last line
// without one). A line longer than maxRecordBytes is cut (its '\n' kept)
// and lr.long set. The slice is valid until the next call. At the end it
// returns io.EOF; any other error is the underlying reader's.
func (lr *lineReader) next() ([]byte, error) {
	lr.long = false
	frag, err := lr.r.ReadSlice('\n')
	if err == nil || err == io.EOF && len(frag) > 0 {
		lr.n++
		if len(frag) > maxRecordBytes {
			// Cut, keeping the line ending so that parsers see the line end.
			lr.long = true
			nl := frag[len(frag)-1] == '\n'
			frag = frag[:maxRecordBytes]
			if nl {
				frag[len(frag)-1] = '\n'
			}
		}
		return frag, nil
	}
	if err != bufio.ErrBufferFull {
		return nil, err
	}
	lr.buf = lr.buf[:0]
	for {
		if !lr.long {
			if len(lr.buf)+len(frag) <= maxRecordBytes {
				lr.buf = append(lr.buf, frag...)
			} else {
				lr.buf = append(lr.buf, frag[:maxRecordBytes-len(lr.buf)]...)
				lr.long = true
			}
		}
		if err != bufio.ErrBufferFull {
			if lr.long && len(frag) > 0 && frag[len(frag)-1] == '\n' {
				lr.buf = append(lr.buf, '\n')
			}
			break
		}
		frag, err = lr.r.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
			return nil, err
		}
	}
	lr.n++
	return lr.buf, nil
}
