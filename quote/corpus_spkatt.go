package quote

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// SpkAttDoc is one speech of the GermEval 2023 SpkAtt corpus (task 1
// format): sentences of tokens and speech-event annotations whose roles
// are lists of "sentence:token" ids.
type SpkAttDoc struct {
	Name        string
	Sentences   [][]string
	Annotations []SpkAttEvent
}

// SpkAttEvent is one annotated speech event.
type SpkAttEvent struct {
	Cue, PTC, Source, Message, Addr, Medium, Topic, Evidence []TokenRef
}

// TokenRef addresses a token by sentence and token index.
type TokenRef struct{ Sent, Tok int }

// ReadSpkAtt reads one SpkAtt task-1 JSON file. Token ids that point
// outside the sentences are an error wrapping ErrCorpus.
func ReadSpkAtt(r io.Reader) (*SpkAttDoc, error) {
	b, err := readAllLimit(r)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Sentences []struct {
			SentenceID int `json:"SentenceId"`
			Tokens     []string
		}
		Annotations []map[string][]string
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorpus, err)
	}
	d := &SpkAttDoc{}
	index := map[int]int{}
	for i, s := range raw.Sentences {
		index[s.SentenceID] = i
		d.Sentences = append(d.Sentences, s.Tokens)
	}
	for k, a := range raw.Annotations {
		var ev SpkAttEvent
		for role, ids := range a {
			var refs []TokenRef
			for _, id := range ids {
				ss, ts, ok := strings.Cut(id, ":")
				si, err1 := strconv.Atoi(ss)
				ti, err2 := strconv.Atoi(ts)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("%w: annotation %d: token id %q", ErrCorpus, k, id)
				}
				i, ok := index[si]
				if !ok || ti < 0 || ti >= len(d.Sentences[i]) {
					return nil, fmt.Errorf("%w: annotation %d: token %q outside the text", ErrCorpus, k, id)
				}
				refs = append(refs, TokenRef{Sent: i, Tok: ti})
			}
			switch role {
			case "Cue":
				ev.Cue = refs
			case "PTC":
				ev.PTC = refs
			case "Source":
				ev.Source = refs
			case "Message":
				ev.Message = refs
			case "Addr":
				ev.Addr = refs
			case "Medium":
				ev.Medium = refs
			case "Topic":
				ev.Topic = refs
			case "Evidence":
				ev.Evidence = refs
			}
		}
		d.Annotations = append(d.Annotations, ev)
	}
	return d, nil
}

// scoreSpkAtt extracts quotes from a speech and adds token-level counts
// for cue (with particles), source and message: a token counts for a
// role when some annotation gives it that role.
func (e *Extractor) scoreSpkAtt(sd *SpkAttDoc, sc *Scores) {
	text, spans := detok(sd.Sentences, nil)
	d := corpusDoc(text, "de", spans)
	flat := flatten(spans)
	off := make([]int, len(spans))
	n := 0
	for i, s := range spans {
		off[i] = n
		n += len(s)
	}
	gold := map[string][]bool{"cue": make([]bool, n), "source": make([]bool, n), "message": make([]bool, n)}
	set := func(role string, refs []TokenRef) {
		for _, r := range refs {
			gold[role][off[r.Sent]+r.Tok] = true
		}
	}
	for _, a := range sd.Annotations {
		set("cue", a.Cue)
		set("cue", a.PTC)
		set("source", a.Source)
		set("message", a.Message)
	}
	sys := map[string][]bool{"cue": make([]bool, n), "source": make([]bool, n), "message": make([]bool, n)}
	for _, f := range e.find(d) {
		for _, c := range f.cueParts {
			markTokens(sys["cue"], flat, c)
		}
		markTokens(sys["source"], flat, f.speakerNP)
		markTokens(sys["message"], flat, f.content)
	}
	unscorePunct(text, flat, gold["cue"], gold["source"], gold["message"], sys["cue"], sys["source"], sys["message"])
	sc.Docs++
	sc.Tokens += n
	for _, r := range sc.Order {
		sc.count(r, gold[r], sys[r])
	}
}
