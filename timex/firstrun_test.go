package timex

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestFirstRuns pools the first, untuned runs of the held-out sets
// (testdata/*-wire-heldout*.first-run.log), the honest figures of the
// rules on unseen text, and for the German sets of real news also by the
// newspaper's category of each article ("# row N (Inland)" in the set):
// `go test ./timex -run FirstRuns -v`. It checks that each set is still
// the one its log scored (as many expressions) and that every miss the
// log lists is one of the set's expressions (by its text and value, or
// by its text when the value has been rewritten in an equivalent form).
func TestFirstRuns(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		logs, err := filepath.Glob("testdata/" + lang + "-wire-heldout*.first-run.log")
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(logs, func(i, j int) bool { return setNumber(logs[i]) < setNumber(logs[j]) })
		total, wrong := map[string]int{}, map[string]int{}
		sets := 0
		for _, log := range logs {
			set := strings.TrimSuffix(log, ".first-run.log") + ".txt"
			n, correct, misses, err := readFirstRun(log)
			if err != nil {
				t.Fatal(err)
			}
			cats, err := goldCategories(set)
			if err != nil {
				t.Fatal(err)
			}
			count := 0
			for _, cs := range cats {
				count += len(cs)
			}
			if count != n {
				t.Errorf("%s has %d expressions, its first run scored %d: a set must not change after its first run", set, count, n)
				continue
			}
			if len(misses) != n-correct {
				t.Errorf("%s: %d misses listed, %d expected (%d of %d correct)", log, len(misses), n-correct, correct, n)
				continue
			}
			sets++
			for _, cs := range cats {
				for _, c := range cs {
					total[c]++
				}
			}
			for _, m := range misses {
				k := m
				if len(cats[k]) == 0 {
					// the value may have been rewritten since in an
					// equivalent form (P6.5Y as P6Y6M): the text alone
					for kk, cs := range cats {
						if kk[0] == m[0] && len(cs) > 0 {
							t.Logf("%s: %q now written %s, not %s", set, m[0], kk[1], m[1])
							k = kk
							break
						}
					}
				}
				cs := cats[k]
				if len(cs) == 0 {
					t.Errorf("%s: miss %q=%s is no expression of %s", log, m[0], m[1], set)
					continue
				}
				wrong[cs[0]]++
				cats[k] = cs[1:] // the next occurrence for a repeated miss
			}
		}
		if sets == 0 {
			continue
		}
		var keys []string
		all, allWrong := 0, 0
		for c := range total {
			keys = append(keys, c)
			all += total[c]
			allWrong += wrong[c]
		}
		sort.Strings(keys)
		t.Logf("%s: %d held-out sets, first runs pooled: %s", lang, sets, share(all, allWrong))
		if len(keys) > 1 {
			wire := 0
			wireWrong := 0
			for _, c := range keys {
				name := c
				if name == "" {
					name = "(no category)"
				}
				t.Logf("  %-13s %s", name, share(total[c], wrong[c]))
				if c == "Inland" || c == "International" || c == "Wirtschaft" {
					wire += total[c]
					wireWrong += wrong[c]
				}
			}
			t.Logf("  politics and economy (Inland, International, Wirtschaft): %s", share(wire, wireWrong))
		}
	}
}

func share(n, wrong int) string {
	return fmt.Sprintf("%d of %d correct (%.1f %%)", n-wrong, n, 100*float64(n-wrong)/float64(max(n, 1)))
}

// setNumber is N of a name ending in heldoutN.first-run.log (1 for none).
func setNumber(path string) int {
	s := strings.TrimSuffix(filepath.Base(path), ".first-run.log")
	i := strings.LastIndex(s, "heldout")
	n, err := strconv.Atoi(s[i+len("heldout"):])
	if err != nil {
		return 1
	}
	return n
}

var (
	firstRunSummary = regexp.MustCompile(`: (\d+) expressions, \d+ found \([\d.]+%\), (\d+) normalised correctly`)
	firstRunMiss    = regexp.MustCompile(`line \d+: "((?:[^"\\]|\\.)*)" want ([^,\s]+),`)
)

// readFirstRun reads a first-run log: the number of expressions, how many
// were normalised correctly, and the misses as (text, value) pairs.
func readFirstRun(path string) (n, correct int, misses [][2]string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, nil, err
	}
	m := firstRunSummary.FindStringSubmatch(string(b))
	if m == nil {
		return 0, 0, nil, fmt.Errorf("%s: no summary line", path)
	}
	n, _ = strconv.Atoi(m[1])
	correct, _ = strconv.Atoi(m[2])
	for _, mm := range firstRunMiss.FindAllStringSubmatch(string(b), -1) {
		text, err := strconv.Unquote(`"` + mm[1] + `"`)
		if err != nil {
			return 0, 0, nil, fmt.Errorf("%s: %v", path, err)
		}
		misses = append(misses, [2]string{text, mm[2]})
	}
	return n, correct, misses, nil
}

// goldCategories returns, for each (text, value) of a gold set, the
// categories of the articles it occurs in, in file order ("" for a set
// without "# row N (Category)" lines).
func goldCategories(path string) (map[[2]string][]string, error) {
	docs, err := readGold(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lineCat := map[int]string{}
	row := regexp.MustCompile(`^# row \d+ \((\p{L}+)\)`)
	cat := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "# doc ") { // as readGold
			cat = ""
		} else if m := row.FindStringSubmatch(line); m != nil {
			cat = m[1]
		}
		lineCat[n] = cat
	}
	out := map[[2]string][]string{}
	for _, d := range docs {
		for _, g := range d.gold {
			k := [2]string{d.text[g.start:g.end], g.value}
			out[k] = append(out[k], lineCat[g.line])
		}
	}
	return out, sc.Err()
}
