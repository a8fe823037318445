package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dateline/dateline/server"
)

// chromium finds a Chromium binary: $DATELINE_CHROMIUM, else Debian's
// chromium on PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("DATELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipping browser test: no chromium on PATH (install Debian's chromium, or set DATELINE_CHROMIUM)")
	return ""
}

// screenshotDir is where the browser test saves a screenshot of each page:
// $DATELINE_TEST_OUTPUT/ui-screenshots, else a folder in the system's
// temporary directory (printed by the test).
func screenshotDir(t *testing.T) string {
	base := os.Getenv("DATELINE_TEST_OUTPUT")
	if base == "" {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "dateline-ui-screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser loads the web UI in headless Chromium: searches, opens a
// story (layers highlighted, normalised values on hover, markup shown as
// text), an entity page and the event timeline with a filter, checking
// what is shown and saving a screenshot of each page.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	ts := newServer(t, server.Options{})
	shots := screenshotDir(t)
	t.Logf("screenshots in %s", shots)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// A bound on the whole session, so that a hung browser fails the test
	// instead of blocking CI; not a measurement.
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg) // quality 100: PNG
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		})
	}
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond))(ctx, tg)
			return err
		})
	}
	do := func(step string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	count := func(sel string) int {
		t.Helper()
		return evaluate[int](t, ctx, `document.querySelectorAll(`+strconv.Quote(sel)+`).length`)
	}

	// Home: the latest stories.
	do("home", chromedp.Navigate(ts.URL+"/"), wait(`document.querySelectorAll('#results li').length > 0`), shot("home"))
	if n := count("#results li"); n != 3 {
		t.Errorf("home lists %d stories, want 3 (the near-duplicate hidden)", n)
	}

	// Search by typing into the box.
	do("search", chromedp.SetValue(chromedp.CSS("#q"), "farmers"),
		chromedp.Click(chromedp.CSS("#search-form button")),
		wait(`document.querySelector('h1').textContent.includes('farmers') && document.querySelectorAll('#results li').length > 0`),
		shot("search"))
	if n, first := count("#results li"), text("#results li a.title"); n != 1 || !strings.Contains(first, "grain talks") {
		t.Errorf("search for farmers: %d results, first %q; want 1, the grain talks story", n, first)
	}

	// Open the story from the results.
	do("story", chromedp.Click(chromedp.CSS("#results li a.title")), wait(`document.querySelector('#story-text') !== null`), shot("story"))
	if title, body := text("#story-title"), text("#story-text"); !strings.Contains(title, "grain talks") || !strings.Contains(body, "We expect a fair deal") {
		t.Errorf("story page: title %q, text %.80q", title, body)
	}
	if tip := evaluate[string](t, ctx, `[...document.querySelectorAll('#story-text .hl-timex')].map(e => e.title).join('|')`); !strings.Contains(tip, "DATE: 2026-03-04") {
		t.Errorf("time expressions' hover text %q lacks the normalised value DATE: 2026-03-04", tip)
	}
	layers := evaluate[[]string](t, ctx, `[...new Set([...document.querySelectorAll('#story-text .hl')].flatMap(e => e.dataset.layers.split(' ')))].sort()`)
	if got := strings.Join(layers, ","); got != "amount,entity,event,quote,timex" {
		t.Errorf("highlighted layers = %s, want amount,entity,event,quote,timex", got)
	}

	// The entity page, from the story's entity list.
	do("entity", chromedp.Click(chromedp.CSS("#story-entities a")),
		wait(`document.querySelector('#entity-name') !== null && document.querySelectorAll('#entity-timeline li').length > 0`), shot("entity"))
	if name, aliases, n := text("#entity-name"), text("#entity-aliases"), count("#entity-timeline li"); !strings.Contains(name, "Olena Marchuk") || !strings.Contains(aliases, "Marchuk") || n != 2 {
		t.Errorf("entity page: name %q, aliases %q, %d timeline items; want Olena Marchuk, alias Marchuk, 2 items", name, aliases, n)
	}

	// A story whose text holds markup shows it as text.
	do("markup story", chromedp.Navigate(ts.URL+"/#/search?q=flaw"),
		wait(`document.querySelectorAll('#results li a.title').length === 1`),
		chromedp.Click(chromedp.CSS("#results li a.title")),
		wait(`document.querySelector('#story-text') !== null`), shot("story-markup"))
	if title, body, scripts := text("#story-title"), text("#story-text"), count("main script"); !strings.Contains(title, "<script>") || !strings.Contains(body, `<script>alert("pwned")</script>`) || scripts != 0 {
		t.Errorf("markup story: title %q, text %.120q, %d script elements in main; want the markup as text", title, body, scripts)
	}

	// The event timeline with the map, then filtered by type.
	do("events", chromedp.Navigate(ts.URL+"/#/events"), wait(`document.querySelectorAll('#event-timeline li').length > 0`), shot("events"))
	if n, circles := count("#event-timeline li"), count("#event-map circle"); n != 2 || circles != 2 {
		t.Errorf("events page: %d events, %d places on the map; want 2 and 2 (Warsaw, Berlin)", n, circles)
	}
	do("events filtered", chromedp.SetValue(chromedp.CSS("#event-filters input[name=type]"), "CONSULT"),
		chromedp.Click(chromedp.CSS("#event-filters button")),
		wait(`location.hash.includes('CONSULT') && document.querySelectorAll('#event-timeline li').length === 1`), shot("events-consult"))
	if ev := text("#event-timeline"); !strings.Contains(ev, "confirmed") || !strings.Contains(ev, "2 sources") {
		t.Errorf("CONSULT event line %q: want it confirmed by 2 sources", ev)
	}
	// From the event to the words of one report.
	do("event", chromedp.Click(chromedp.CSS("#event-timeline li a")),
		wait(`document.querySelectorAll('#event-reports a.evidence').length === 2`), shot("event"),
		chromedp.Click(chromedp.CSS("#event-reports a.evidence")),
		wait(`document.querySelector('#story-text .hl-mark') !== null`), shot("story-evidence"))
	if m := evaluate[string](t, ctx, `[...document.querySelectorAll('#story-text .hl-mark')].map(e => e.textContent).join('')`); !strings.Contains(m, "Olena Marchuk will meet her Polish counterpart") {
		t.Errorf("evidence marked in the story = %q", m)
	}
	do("map", chromedp.Navigate(ts.URL+"/#/map"), wait(`document.querySelectorAll('#event-map circle').length > 0`), shot("map"))
	do("clusters", chromedp.Navigate(ts.URL+"/#/clusters"), wait(`document.querySelectorAll('#clusters li').length > 0`), shot("clusters"))
	if c := text("#clusters"); !strings.Contains(c, "2 stories") {
		t.Errorf("clusters page %q: want the grain stories' cluster of 2", c)
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}
