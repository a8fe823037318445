package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key normalises a name to a spelling-independent skeleton, so that the
// German, English and Ukrainian/Russian spellings of a name meet:
//
//	Wolodymyr Selenskyj, Volodymyr Zelenskyy, Zelenskiy, Selenskij,
//	Володимир Зеленський                        → "volodimir selenski"
//	Kirill Dmitrijew, Kirill Dmitriev             → "kiril dmitriev"
//	Donezk, Donetsk, Донецьк                      → "donesk"
//	Charkiw, Kharkiv, Харків                      → "xarkiv"
//
// Steps: lower-case; Cyrillic is transliterated (Ukrainian when the name has
// і, ї, є or ґ); Latin diacritics are dropped (ß → ss, ø → o); dots and
// apostrophes vanish ("U.S." → "us"); other non-letters separate words.
// Then each word is folded: tsch/ch/kh → x, sch/sh/zh/z/ts/tz → s, w → v,
// j/y → i, ck/q → k, ph → f, c → k (s before e, i), and doubled letters
// collapse. The skeleton is for matching only, never for display. It loses
// distinctions (Sch/Z, ч/х), so callers must check the entity type and
// prefer exact matches; kb_test measures the false merges this causes in
// the KB itself.
//
// Key never panics; invalid UTF-8 bytes are dropped.
func Key(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	ukr := strings.ContainsAny(s, "іїєґІЇЄҐ")
	space := true // at a word boundary: no space to write yet
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n <= 1 {
			continue
		}
		if r == '.' || r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '´' {
			continue
		}
		var t string
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(byte(r))
				continue
			}
		} else {
			r = unicode.ToLower(r)
			var ok bool
			if t, ok = fold(r, ukr); ok && t == "" {
				continue // soft and hard signs
			}
		}
		if t == "" {
			if unicode.IsLetter(r) {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteRune(r)
			} else if !unicode.IsMark(r) {
				space = true
			}
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(t)
	}
	return skeleton(b.String())
}

// fold maps a lower-case non-ASCII letter to ASCII; ok is false for a
// letter it does not know. Soft and hard signs map to "".
func fold(r rune, ukr bool) (t string, ok bool) {
	if 0x430 <= r && r <= 0x45f {
		if r == 'г' && ukr {
			return "h", true
		}
		t, ok = cyr[r]
		return t, ok
	}
	t, ok = latin[r]
	return t, ok
}

var cyr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
	'є': "ie", 'і': "i", 'ї': "ii", 'ґ': "g", 'ў': "u",
}

var latin = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "ch", 'č': "ch", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i",
	'ł': "l", 'ľ': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "sh", 'ş': "sh", 'ș': "sh", 'ß': "ss", 'ť': "t", 'ț': "ts",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "zh", 'þ': "th", 'ð': "d",
}

// skeleton folds romanisation variants of an ASCII lower-case string.
func skeleton(s string) string {
	out := make([]byte, 0, len(s)+4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		rest := s[i:]
		switch {
		case c == 'x':
			out = append(out, 'k', 's')
		case strings.HasPrefix(rest, "schtsch"):
			out = append(out, 's')
			i += 6
		case strings.HasPrefix(rest, "shch"):
			out = append(out, 's')
			i += 3
		case strings.HasPrefix(rest, "tsch"):
			out = append(out, 'x')
			i += 3
		case strings.HasPrefix(rest, "sch"):
			out = append(out, 's')
			i += 2
		case strings.HasPrefix(rest, "ch"), strings.HasPrefix(rest, "kh"):
			out = append(out, 'x')
			i++
		case strings.HasPrefix(rest, "sh"), strings.HasPrefix(rest, "zh"),
			strings.HasPrefix(rest, "ts"), strings.HasPrefix(rest, "tz"):
			out = append(out, 's')
			i++
		case strings.HasPrefix(rest, "ck"):
			out = append(out, 'k')
			i++
		case strings.HasPrefix(rest, "ph"):
			out = append(out, 'f')
			i++
		case c == 'z':
			out = append(out, 's')
		case c == 'w':
			out = append(out, 'v')
		case c == 'j', c == 'y':
			out = append(out, 'i')
		case c == 'q':
			out = append(out, 'k')
		case c == 'c':
			if i+1 < len(s) && (s[i+1] == 'e' || s[i+1] == 'i' || s[i+1] == 'y') {
				out = append(out, 's')
			} else {
				out = append(out, 'k')
			}
		default:
			out = append(out, c)
		}
	}
	// Collapse doubled letters ("Zelenskyy" → "selenskii" → "selenski").
	k := 0
	for i := 0; i < len(out); i++ {
		if k > 0 && out[k-1] == out[i] && 'a' <= out[i] && out[i] <= 'z' {
			continue
		}
		out[k] = out[i]
		k++
	}
	return string(out[:k])
}

// Slug returns a readable, stable id fragment for a name: its Key with
// spaces replaced by hyphens ("Jonas Gahr Støre" → "ionas-gahr-store").
func Slug(s string) string {
	return strings.ReplaceAll(Key(s), " ", "-")
}

// IDSlug returns a readable ASCII id fragment for a name, keeping its
// spelling: lower-case, diacritics dropped, Cyrillic transliterated, runs
// of other characters turned into one hyphen ("Jonas Gahr Støre" →
// "jonas-gahr-store"). Curated and generated entries use it for their ids.
func IDSlug(s string) string {
	var b strings.Builder
	ukr := strings.ContainsAny(s, "іїєґІЇЄҐ")
	dash := false
	for _, r := range s {
		r = unicode.ToLower(r)
		var t string
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			t = string(r)
		case r >= 0x80:
			var ok bool
			if t, ok = fold(r, ukr); ok && t == "" {
				continue
			}
		}
		if t == "" {
			if r == '\'' || r == '’' || r == '.' {
				continue
			}
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(t)
	}
	return b.String()
}
