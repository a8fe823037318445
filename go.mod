module github.com/dateline/dateline

go 1.26.8
