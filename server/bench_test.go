package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline/dateline/server"
	"github.com/dateline/dateline/store"
)

// BenchmarkAPI_List sends the list endpoints (server.ListPaths) from 20
// concurrent clients over loopback and reports the p95 latency. It serves
// the store named by $DATELINE_BENCH_DB (e.g. one made by dateline ingest
// from Reuters-21578 and 10kGNAD), else the four fixture stories:
//
//	DATELINE_BENCH_DB=news.db go test -run=^$ -bench=API_List -benchtime=5000x ./server
func BenchmarkAPI_List(b *testing.B) {
	var ts *httptest.Server
	if db := os.Getenv("DATELINE_BENCH_DB"); db != "" {
		st, err := store.Open(db, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		ts = httptest.NewServer(server.New(st, server.Options{}))
		defer ts.Close()
	} else {
		ts = newServer(b, server.Options{})
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 20}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var (
		mu   sync.Mutex
		lat  []time.Duration
		next atomic.Int64
		errs atomic.Int64
	)
	b.SetParallelism((20 + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0)) // ≈ 20 clients
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			path := server.ListPaths[int(next.Add(1))%len(server.ListPaths)]
			t0 := time.Now()
			resp, err := client.Get(ts.URL + path)
			if err != nil {
				errs.Add(1)
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				errs.Add(1)
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	if n := errs.Load(); n > 0 {
		b.Errorf("%d requests failed", n)
	}
	if len(lat) > 0 {
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	}
}
