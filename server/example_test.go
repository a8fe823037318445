package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/dateline/dateline/server"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
)

func Example() {
	dir, _ := os.MkdirTemp("", "server-example")
	defer os.RemoveAll(dir)
	st, _ := store.Open(filepath.Join(dir, "news.db"), store.Options{})
	defer st.Close()
	st.Add(context.Background(), storetest.Records())

	ts := httptest.NewServer(server.New(st, server.Options{})) // read-only: no write token
	defer ts.Close()
	for _, path := range []string{"/api/events?type=CONSULT&confirmed=yes&limit=1", "/api/events?from=2026-02-30"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, len(b) > 0)
		if resp.StatusCode != 200 {
			fmt.Print(string(b))
		}
	}
	// Output:
	// 200 true
	// 400 true
	// {"error":{"code":"invalid_parameter","message":"parameter \"from\" must be a date YYYY-MM-DD"}}
}
