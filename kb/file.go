package kb

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// ErrSyntax is wrapped by every error Parse returns for a malformed file.
var ErrSyntax = errors.New("kb: syntax error")

// Parse reads a KB file. The format is line-based UTF-8 text; '#' starts a
// comment (write '\#' for a literal '#'), blank lines are skipped and
// fields are separated by one or more TABs. An entry starts with
//
//	@	ID	TYPE	KIND	Canonical English name
//
// and continues with fact lines until the next '@':
//
//	name	LANG	Text           a name in a language ("*": any language)
//	alias	LANG	Text           a short or informal name ("Trump", "Kiew")
//	adj	LANG	Text             an adjective or compound prefix of a country
//	wikidata	Q123             only where a data file gives it
//	country	UA                a place's or person's country (ISO 3166-1)
//	capital	geonames:703448    a country's capital
//	metonym	iso3166:RU         what a building or capital stands for
//	coord	50.45	30.52         latitude, longitude
//	gender	m|f
//	rank	3                     prominence among entries with the same name
//	role	KEY	SCOPE	START	END	[SOURCE]   dates YYYY[-MM[-DD]] or "-"
//	src	free text             where the entry's facts come from
//
// Example:
//
//	@	dl:person:volodymyr-zelenskyy	PER	person	Volodymyr Zelenskyy
//	name	de	Wolodymyr Selenskyj
//	alias	*	Zelensky
//	role	head_of_state	UA	2019-05-20	-	Wikipedia: President of Ukraine
//
// An unknown fact key is an error, so that typos are caught when the file
// loads. name is the file name used in error messages.
func Parse(r io.Reader, name string) ([]*Entry, error) {
	var out []*Entry
	var cur *Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrSyntax, name, n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		f := fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if f[0] == "@" {
			if len(f) != 5 {
				return nil, bad("entry header needs 5 fields (@, id, type, kind, name), has %d", len(f))
			}
			switch f[2] {
			case "PER", "LOC", "ORG", "MISC":
			default:
				return nil, bad("type %q is not PER, LOC, ORG or MISC", f[2])
			}
			cur = &Entry{ID: f[1], Type: f[2], Kind: f[3], Name: f[4]}
			out = append(out, cur)
			continue
		}
		if cur == nil {
			return nil, bad("fact %q before the first entry header", f[0])
		}
		need := func(k int) error {
			if len(f) < k {
				return bad("%q needs %d fields, has %d", f[0], k, len(f))
			}
			return nil
		}
		switch f[0] {
		case "name", "alias", "adj":
			if err := need(3); err != nil {
				return nil, err
			}
			nm := Name{Lang: f[1], Text: strings.Join(f[2:], " "), Alias: f[0] == "alias"}
			if f[0] == "adj" {
				cur.Adjs = append(cur.Adjs, nm)
			} else {
				cur.Names = append(cur.Names, nm)
			}
		case "wikidata", "country", "capital", "metonym", "gender", "rank":
			if err := need(2); err != nil {
				return nil, err
			}
			v := f[1]
			switch f[0] {
			case "wikidata":
				if len(v) < 2 || v[0] != 'Q' {
					return nil, bad("wikidata id %q does not start with Q", v)
				}
				if _, err := strconv.ParseUint(v[1:], 10, 64); err != nil {
					return nil, bad("wikidata id %q is not Q and digits", v)
				}
				cur.Wikidata = v
			case "country":
				cur.Country = v
			case "capital":
				cur.Capital = v
			case "metonym":
				cur.MetonymOf = v
			case "gender":
				if v != "m" && v != "f" {
					return nil, bad("gender %q is not m or f", v)
				}
				cur.Gender = v
			case "rank":
				k, err := strconv.Atoi(v)
				if err != nil {
					return nil, bad("rank %q is not a number", v)
				}
				cur.Rank = k
			}
		case "coord":
			if err := need(3); err != nil {
				return nil, err
			}
			lat, err1 := strconv.ParseFloat(f[1], 64)
			lon, err2 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
				return nil, bad("bad coordinates %q %q", f[1], f[2])
			}
			cur.Lat, cur.Lon, cur.HasCoord = lat, lon, true
		case "role":
			if err := need(5); err != nil {
				return nil, err
			}
			start, err := parseDate(f[3])
			if err != nil {
				return nil, bad("role start: %v", err)
			}
			end, err := parseDate(f[4])
			if err != nil {
				return nil, bad("role end: %v", err)
			}
			ro := Role{Key: f[1], Scope: f[2], Start: start, End: end}
			if len(f) > 5 {
				ro.Source = strings.Join(f[5:], " ")
			}
			cur.Roles = append(cur.Roles, ro)
		case "src":
			if err := need(2); err != nil {
				return nil, err
			}
			cur.Sources = append(cur.Sources, strings.Join(f[1:], " "))
		default:
			return nil, bad("unknown fact %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("kb: %s:%d: %w", name, n, err)
	}
	return out, nil
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD; "-" and "" are the zero
// time.
func parseDate(s string) (time.Time, error) {
	if s == "-" || s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// fields strips a comment and splits a line on TABs, dropping empty fields.
func fields(line string) []string {
	if strings.Contains(line, "#") {
		var b strings.Builder
		for i := 0; i < len(line); i++ {
			if line[i] == '\\' && i+1 < len(line) && line[i+1] == '#' {
				b.WriteByte('#')
				i++
				continue
			}
			if line[i] == '#' {
				break
			}
			b.WriteByte(line[i])
		}
		line = b.String()
	}
	if strings.TrimSpace(line) == "" {
		return nil
	}
	parts := strings.Split(line, "\t")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Write writes entries in the format Parse reads.
func Write(w io.Writer, entries []*Entry) error {
	bw := bufio.NewWriter(w)
	for _, e := range entries {
		fmt.Fprintf(bw, "@\t%s\t%s\t%s\t%s\n", e.ID, e.Type, e.Kind, clean(e.Name))
		for _, n := range e.Names {
			k := "name"
			if n.Alias {
				k = "alias"
			}
			fmt.Fprintf(bw, "%s\t%s\t%s\n", k, n.Lang, clean(n.Text))
		}
		for _, a := range e.Adjs {
			fmt.Fprintf(bw, "adj\t%s\t%s\n", a.Lang, clean(a.Text))
		}
		for _, kv := range [][2]string{{"wikidata", e.Wikidata}, {"country", e.Country}, {"capital", e.Capital}, {"metonym", e.MetonymOf}, {"gender", e.Gender}} {
			if kv[1] != "" {
				fmt.Fprintf(bw, "%s\t%s\n", kv[0], clean(kv[1]))
			}
		}
		if e.HasCoord {
			fmt.Fprintf(bw, "coord\t%s\t%s\n", strconv.FormatFloat(e.Lat, 'f', -1, 64), strconv.FormatFloat(e.Lon, 'f', -1, 64))
		}
		if e.Rank != 0 {
			fmt.Fprintf(bw, "rank\t%d\n", e.Rank)
		}
		for _, r := range e.Roles {
			fmt.Fprintf(bw, "role\t%s\t%s\t%s\t%s", r.Key, r.Scope, fmtDate(r.Start), fmtDate(r.End))
			if r.Source != "" {
				fmt.Fprintf(bw, "\t%s", clean(r.Source))
			}
			bw.WriteByte('\n')
		}
		for _, s := range e.Sources {
			fmt.Fprintf(bw, "src\t%s\n", clean(s))
		}
	}
	return bw.Flush()
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// clean makes a value safe for one field: TABs and newlines become spaces,
// '#' is escaped.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.ReplaceAll(s, "#", `\#`)
}

// LoadFile parses a user KB file and merges it into the default KB (see
// Default): new ids are added, known ids gain names, roles and facts.
// Call it at start-up, before creating linkers (link.New indexes person
// names once) and never while documents are being linked: lookups do not
// lock the KB.
func LoadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	entries, err := Parse(f, path)
	if err != nil {
		return err
	}
	k, err := Default()
	if err != nil {
		return err
	}
	defaultMu.Lock()
	defer defaultMu.Unlock()
	k.Add(entries...)
	k.Index()
	return nil
}
