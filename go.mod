module github.com/dateline/dateline

go 1.26.8

require (
	github.com/abadojack/whatlanggo v1.0.1 // indirect
	golang.org/x/text v0.44.0 // indirect
)
