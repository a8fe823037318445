// Package fold folds case for table look-ups, the same way for every layer.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// AppendLower appends s in lower case to buf, as strings.ToLower would
// return it, without a string per call (look-ups can then use
// m[string(buf)], which does not allocate).
func AppendLower(buf []byte, s string) []byte {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	buf = append(buf, s[:i]...) // the part that needs no change
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf
}
