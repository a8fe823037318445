package pipeline

import (
	"errors"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

type fakeStage struct {
	name          string
	needs, writes []Layer
	fn            func(*doc.Document) error
}

func (f fakeStage) Name() string    { return f.name }
func (f fakeStage) Needs() []Layer  { return f.needs }
func (f fakeStage) Writes() []Layer { return f.writes }
func (f fakeStage) Process(d *doc.Document) error {
	if f.fn != nil {
		return f.fn(d)
	}
	return nil
}

func TestNew_Order(t *testing.T) {
	lang := fakeStage{name: "lang", writes: []Layer{Lang}}
	tok := fakeStage{name: "tok", needs: []Layer{Lang}, writes: []Layer{Tokens}}
	if _, err := New(lang, tok); err != nil {
		t.Fatalf("valid order: %v", err)
	}
	if _, err := New(tok, lang); !errors.Is(err, ErrOrder) {
		t.Fatalf("wrong order: err = %v, want ErrOrder", err)
	}
	if _, err := New(lang, fakeStage{name: "lang2", writes: []Layer{Lang}}); err == nil {
		t.Fatal("two writers of one layer: no error")
	}
	if _, err := New(lang, lang); err == nil {
		t.Fatal("duplicate stage: no error")
	}
}

func TestSelect(t *testing.T) {
	stages := []Stage{
		fakeStage{name: "lang", writes: []Layer{Lang}},
		fakeStage{name: "tok", needs: []Layer{Lang}, writes: []Layer{Tokens}},
		fakeStage{name: "sent", needs: []Layer{Tokens}, writes: []Layer{Sentences}},
		fakeStage{name: "dl", writes: []Layer{Dateline}},
	}
	p, err := Select(stages, []Layer{Tokens})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	if got := strings.Join(names, ","); got != "lang,tok" {
		t.Errorf("Select(tokens) = %s, want lang,tok", got)
	}
	if _, err := Select(stages, []Layer{"nope"}); err == nil {
		t.Error("unknown layer: no error")
	}
	p, _ = Select(stages, nil)
	if len(p.Stages()) != 4 {
		t.Errorf("Select(nil) kept %d stages, want all 4", len(p.Stages()))
	}
}

func TestRun_RecoversAndContinues(t *testing.T) {
	ran := false
	p, err := New(
		fakeStage{name: "boom", writes: []Layer{Lang}, fn: func(*doc.Document) error { panic("bad") }},
		fakeStage{name: "after", writes: []Layer{Tokens}, fn: func(*doc.Document) error { ran = true; return nil }},
	)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "x"}
	err = p.Run(d)
	var se *StageError
	if !errors.As(err, &se) || se.Stage != "boom" {
		t.Fatalf("Run error = %v, want StageError from boom", err)
	}
	if !ran {
		t.Error("stage after the failing one did not run")
	}
	if len(d.Errors) != 1 || d.Errors[0].Stage != "boom" {
		t.Errorf("doc errors = %+v", d.Errors)
	}
}
