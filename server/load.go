package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"
)

// LoadOptions bound a load test.
type LoadOptions struct {
	Clients  int           // concurrent clients (default 20, at most 200)
	Duration time.Duration // default 5s, at most 2 minutes
	Requests int           // stop after this many requests in all (default 20000)
}

// LoadResult is the latency of one path under load.
type LoadResult struct {
	Path     string        `json:"path"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	P50      time.Duration `json:"p50_ns"`
	P95      time.Duration `json:"p95_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
}

func (r LoadResult) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("%-50s %6d req %4d err  p50 %8s  p95 %8s  p99 %8s  max %8s", r.Path, r.Requests, r.Errors, ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max))
}

// ListPaths are the list endpoints a load test exercises by default.
var ListPaths = []string{
	"/api/stories?limit=20",
	"/api/stories?q=oil+prices&limit=20",
	"/api/stories?q=Regierung&limit=20",
	"/api/stories?from=1987-03-01&to=1987-03-31&limit=20&offset=100",
	"/api/entities?limit=20",
	"/api/entities?q=bank&limit=20",
	"/api/events?limit=20",
	"/api/events?confirmed=yes&limit=20",
	"/api/quotes?limit=20",
	"/api/clusters?limit=20",
}

// LoadTest sends requests for paths round-robin from opt.Clients
// concurrent clients to base, which must be a loopback address, until
// opt.Duration has passed or opt.Requests were sent, and reports latency
// per path. A non-2xx status or a transport error counts as an error.
func LoadTest(ctx context.Context, base string, paths []string, opt LoadOptions) ([]LoadResult, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("load test: %w", err)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" {
		return nil, fmt.Errorf("load test: %s is not a loopback address", host)
	}
	if opt.Clients <= 0 {
		opt.Clients = 20
	}
	opt.Clients = min(opt.Clients, 200)
	if opt.Duration <= 0 {
		opt.Duration = 5 * time.Second
	}
	opt.Duration = min(opt.Duration, 2*time.Minute)
	if opt.Requests <= 0 {
		opt.Requests = 20000
	}
	if len(paths) == 0 {
		paths = ListPaths
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Duration)
	defer cancel()
	tr := &http.Transport{MaxIdleConnsPerHost: opt.Clients, MaxConnsPerHost: opt.Clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	var mu sync.Mutex
	lat := make([][]time.Duration, len(paths))
	errs := make([]int, len(paths))
	sent := 0
	next := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if sent >= opt.Requests || ctx.Err() != nil {
			return 0, false
		}
		sent++
		return sent % len(paths), true
	}
	var wg sync.WaitGroup
	for c := 0; c < opt.Clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := next()
				if !ok {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+paths[i], nil)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				if ctx.Err() != nil {
					return // cut short by the deadline: not a measurement
				}
				mu.Lock()
				if err != nil || resp.StatusCode/100 != 2 {
					errs[i]++
				} else {
					lat[i] = append(lat[i], d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	out := make([]LoadResult, len(paths))
	for i, p := range paths {
		l := lat[i]
		sort.Slice(l, func(a, b int) bool { return l[a] < l[b] })
		r := LoadResult{Path: p, Requests: len(l) + errs[i], Errors: errs[i]}
		if n := len(l); n > 0 {
			q := func(f float64) time.Duration { return l[min(n-1, int(f*float64(n)))] }
			r.P50, r.P95, r.P99, r.Max = q(0.50), q(0.95), q(0.99), l[n-1]
		}
		out[i] = r
	}
	return out, nil
}

// Overall merges results into one line for all paths: the worst p95.
func Overall(rs []LoadResult) (requests, errors int, worstP95 time.Duration) {
	for _, r := range rs {
		requests += r.Requests
		errors += r.Errors
		worstP95 = max(worstP95, r.P95)
	}
	return
}
