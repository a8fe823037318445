package ingest

import "embed"

// Samples is the bundled sample corpus (samples/stories.jsonl: ten short
// fictional wire stories in English and German, CC0; see
// samples/README.md), ingested by `dateline serve --demo`.
//
//go:embed samples/stories.jsonl samples/README.md
var Samples embed.FS

// SampleInputs returns the sample corpus as ingest inputs.
func SampleInputs() ([]Input, error) { return FSInputs(Samples, "samples/*.jsonl") }
