package event

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/doc"
)

// Meantime is a NewsReader MEANTIME document (intra-document annotation):
// tokens, entity and event mentions, time expressions and the relations
// between them.
type Meantime struct {
	ID       string
	Name     string
	Tokens   []MeantimeToken
	Entities map[string]MeantimeEntity  // ENTITY m_id -> entity
	Mentions map[string]MeantimeMention // ENTITY_MENTION, EVENT_MENTION and TIMEX3 m_id -> mention
	// RefersTo maps a mention m_id to the entity or event m_id it refers to.
	RefersTo map[string]string
	// Participants maps an event mention m_id to its participants.
	Participants map[string][]MeantimeParticipant
}

// MeantimeToken is a token with its sentence number.
type MeantimeToken struct {
	ID       string
	Sentence int
	Text     string
}

// MeantimeEntity is an ENTITY instance: ent_type PER, ORG, LOC, PRO, FIN, MIX.
type MeantimeEntity struct {
	ID, Type, Descriptor string
}

// MeantimeMention is an entity mention, event mention or time expression.
type MeantimeMention struct {
	ID     string
	Tag    string   // ENTITY_MENTION, EVENT_MENTION, TIMEX3
	Tokens []string // token ids
	// attributes
	SyntacticType                   string // NAM, NOM, PRO, ...
	Pred, Pos, Polarity, Certainty  string
	Time, Modality, Tense, Aspect   string
	TimexType, Value, FunctionInDoc string
	Comment                         string
}

// MeantimeParticipant is a HAS_PARTICIPANT target with its role.
type MeantimeParticipant struct {
	Mention string
	Role    string // Arg0, Arg1, Argm-LOC, ...
}

// ReadMeantime parses one MEANTIME XML document.
func ReadMeantime(r io.Reader) (*Meantime, error) {
	m := &Meantime{Entities: map[string]MeantimeEntity{}, Mentions: map[string]MeantimeMention{},
		RefersTo: map[string]string{}, Participants: map[string][]MeantimeParticipant{}}
	dec := xml.NewDecoder(r)
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	var cur *MeantimeMention
	var rel string
	var relAttrs xml.StartElement
	var sources, targets []string
	inMarkables := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("meantime: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Document":
				m.ID, m.Name = attr(t, "doc_id"), attr(t, "doc_name")
			case "token":
				var text string
				if err := dec.DecodeElement(&text, &t); err != nil {
					return nil, fmt.Errorf("meantime: token: %w", err)
				}
				s, _ := strconv.Atoi(attr(t, "sentence"))
				m.Tokens = append(m.Tokens, MeantimeToken{ID: attr(t, "t_id"), Sentence: s, Text: text})
			case "Markables":
				inMarkables = true
			case "ENTITY_MENTION", "EVENT_MENTION", "TIMEX3", "VALUE", "SIGNAL", "C-SIGNAL":
				if !inMarkables {
					continue
				}
				cur = &MeantimeMention{ID: attr(t, "m_id"), Tag: t.Name.Local, SyntacticType: attr(t, "syntactic_type"),
					Pred: attr(t, "pred"), Pos: attr(t, "pos"), Polarity: attr(t, "polarity"), Certainty: attr(t, "certainty"),
					Time: attr(t, "time"), Modality: attr(t, "modality"), Tense: attr(t, "tense"), Aspect: attr(t, "aspect"),
					TimexType: attr(t, "type"), Value: attr(t, "value"), FunctionInDoc: attr(t, "functionInDocument")}
			case "token_anchor":
				if cur != nil {
					cur.Tokens = append(cur.Tokens, attr(t, "t_id"))
				}
			case "ENTITY":
				m.Entities[attr(t, "m_id")] = MeantimeEntity{ID: attr(t, "m_id"), Type: attr(t, "ent_type"), Descriptor: attr(t, "TAG_DESCRIPTOR")}
			case "REFERS_TO", "HAS_PARTICIPANT":
				rel, relAttrs, sources, targets = t.Name.Local, t, nil, nil
			case "source":
				if rel != "" {
					sources = append(sources, attr(t, "m_id"))
				}
			case "target":
				if rel != "" {
					targets = append(targets, attr(t, "m_id"))
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "ENTITY_MENTION", "EVENT_MENTION", "TIMEX3", "VALUE", "SIGNAL", "C-SIGNAL":
				if cur != nil {
					m.Mentions[cur.ID] = *cur
					cur = nil
				}
			case "Markables":
				inMarkables = false
			case "REFERS_TO":
				for _, s := range sources {
					for _, tg := range targets {
						m.RefersTo[s] = tg
					}
				}
				rel = ""
			case "HAS_PARTICIPANT":
				role := ""
				for _, a := range relAttrs.Attr {
					if a.Name.Local == "sem_role" {
						role = a.Value
					}
				}
				for _, s := range sources {
					for _, tg := range targets {
						m.Participants[s] = append(m.Participants[s], MeantimeParticipant{Mention: tg, Role: role})
					}
				}
				rel = ""
			}
		}
	}
	if len(m.Tokens) == 0 {
		return nil, fmt.Errorf("meantime: document %q has no tokens", m.ID)
	}
	return m, nil
}

// Document builds a document from the annotation: the text is the tokens
// joined by spaces (sentences by newlines), with sentence, entity (PER,
// ORG, LOC instances and their mentions) and time layers; offsets of every
// token are returned by id.
func (m *Meantime) Document() (*doc.Document, map[string]doc.Span) {
	var b strings.Builder
	spans := map[string]doc.Span{}
	d := &doc.Document{ID: m.ID, Lang: "en"}
	sentStart, prevSent := 0, -1
	for i, t := range m.Tokens {
		if i > 0 {
			if t.Sentence != prevSent {
				d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: sentStart, End: b.Len()}})
				b.WriteString("\n")
				sentStart = b.Len()
			} else {
				b.WriteString(" ")
			}
		}
		prevSent = t.Sentence
		s := b.Len()
		b.WriteString(t.Text)
		spans[t.ID] = doc.Span{Start: s, End: b.Len()}
	}
	d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: sentStart, End: b.Len()}})
	d.Text = b.String()
	span := func(ids []string) (doc.Span, bool) {
		if len(ids) == 0 {
			return doc.Span{}, false
		}
		sp := doc.Span{Start: -1}
		for _, id := range ids {
			t, ok := spans[id]
			if !ok {
				continue
			}
			if sp.Start < 0 || t.Start < sp.Start {
				sp.Start = t.Start
			}
			if t.End > sp.End {
				sp.End = t.End
			}
		}
		return sp, sp.Start >= 0
	}
	ents := map[string]*doc.Entity{}
	var ids []string
	for id, mm := range m.Mentions {
		if mm.Tag != "ENTITY_MENTION" {
			continue
		}
		eid, ok := m.RefersTo[id]
		if !ok {
			continue
		}
		e, ok := m.Entities[eid]
		if !ok {
			continue
		}
		typ := e.Type
		switch typ {
		case "PER", "ORG", "LOC":
		default:
			typ = "MISC"
		}
		sp, ok := span(mm.Tokens)
		if !ok {
			continue
		}
		kind := doc.MentionRole
		switch mm.SyntacticType {
		case "NAM":
			kind = doc.MentionName
		case "PRO":
			kind = doc.MentionPronoun
		}
		de := ents[eid]
		if de == nil {
			de = &doc.Entity{ID: eid, Type: typ, Name: e.Descriptor}
			ents[eid] = de
			ids = append(ids, eid)
		}
		de.Mentions = append(de.Mentions, doc.Mention{Span: sp, Kind: kind, Confidence: 1})
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := ents[id]
		sort.Slice(e.Mentions, func(i, j int) bool {
			if e.Mentions[i].Start != e.Mentions[j].Start {
				return e.Mentions[i].Start < e.Mentions[j].Start
			}
			return e.Mentions[i].End < e.Mentions[j].End
		})
		d.Entities = append(d.Entities, *e)
	}
	var tids []string
	for id, mm := range m.Mentions {
		if mm.Tag == "TIMEX3" {
			tids = append(tids, id)
		}
	}
	sort.Strings(tids)
	for _, id := range tids {
		mm := m.Mentions[id]
		if mm.FunctionInDoc == "CREATION_TIME" {
			if t, err := time.Parse("2006-01-02", mm.Value); err == nil {
				d.Date = t
			}
		}
		if sp, ok := span(mm.Tokens); ok {
			d.Timexes = append(d.Timexes, doc.Timex{Span: sp, Type: mm.TimexType, Value: mm.Value})
		}
	}
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
	return d, spans
}

// meantimeStatus maps an event mention's attributes to a status.
func meantimeStatus(mm MeantimeMention) string {
	switch {
	case mm.Polarity == "NEG":
		return "negated"
	case mm.Certainty == "POSSIBLE" || mm.Certainty == "PROBABLE" || mm.Certainty == "UNCERTAIN":
		return "hypothetical"
	case mm.Time == "FUTURE":
		return "planned"
	}
	return "occurred"
}
