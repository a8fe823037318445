package event

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dateline/dateline/doc"
)

// Scores are the results of an evaluation.
type Scores struct {
	Docs      int
	Gold      int // gold events (MEANTIME: annotated event mentions)
	Predicted int // events the stage emitted
	Matched   int // emitted events whose trigger meets a gold event's trigger
	// Correct counts matched events with the right type (gold files; MEANTIME
	// has no PLOVER types) and the right main participants: the actor, when
	// both name one, is the gold actor, and every emitted participant other
	// than a mediator takes part in the gold event.
	Correct int
	// Unscorable counts matched events whose gold event names no
	// participant (MEANTIME leaves many without); they count neither for
	// nor against precision.
	Unscorable  int
	TypeRight   int // among matched (gold files only)
	StatusRight int // among matched
	SourceRight int // among matched (gold files only)
	// Participants (role ignored): emitted, right, and gold ones of matched events.
	PartPredicted, PartRight, PartGold int
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision is the share of emitted events that are correct.
func (s Scores) Precision() float64 { return ratio(s.Correct, s.Predicted-s.Unscorable) }

// Recall is the share of gold events found correctly.
func (s Scores) Recall() float64 { return ratio(s.Correct, s.Gold-s.Unscorable) }

// TriggerPrecision is the share of emitted events whose trigger is a gold
// event's.
func (s Scores) TriggerPrecision() float64 { return ratio(s.Matched, s.Predicted) }

func (s *Scores) add(o Scores) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.Matched += o.Matched
	s.Correct += o.Correct
	s.Unscorable += o.Unscorable
	s.TypeRight += o.TypeRight
	s.StatusRight += o.StatusRight
	s.SourceRight += o.SourceRight
	s.PartPredicted += o.PartPredicted
	s.PartRight += o.PartRight
	s.PartGold += o.PartGold
}

// String is a one-paragraph summary.
func (s Scores) String() string {
	return fmt.Sprintf("docs %d, gold events %d, emitted %d, trigger-matched %d (trigger precision %.3f), unscorable %d\n"+
		"correct (type + main participants) %d: precision %.3f, recall %.3f\n"+
		"among matched: type %d/%d, status %d/%d, source %d/%d\n"+
		"participants: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		s.Docs, s.Gold, s.Predicted, s.Matched, s.TriggerPrecision(), s.Unscorable,
		s.Correct, s.Precision(), s.Recall(),
		s.TypeRight, s.Matched, s.StatusRight, s.Matched, s.SourceRight, s.Matched,
		ratio(s.PartRight, s.PartPredicted), s.PartRight, s.PartPredicted, ratio(s.PartRight, s.PartGold), s.PartRight, s.PartGold)
}

// EvalOptions configure EvalWith.
type EvalOptions struct {
	// Analyze, when set, builds a story's layers (sentences, entities,
	// times, dateline, quotes) from its text, as the full pipeline does;
	// gold participants are then matched to the entities it finds by
	// overlapping mentions. When nil, the layers come from the annotation,
	// which measures this stage alone.
	Analyze func(*doc.Document) error
	// Verbose writes every emitted and missed event to w.
	Verbose bool
}

// Eval scores the event stage against annotated stories at path (a file
// or a folder, searched recursively): format "meantime" reads NewsReader
// MEANTIME XML (*.xml), "gold" this package's gold files (*.txt). Layers
// other than events come from the annotation. A summary goes to w.
func Eval(format, path string, w io.Writer) (Scores, error) {
	return EvalWith(format, path, w, EvalOptions{})
}

// EvalWith is Eval with options.
func EvalWith(format, path string, w io.Writer, opt EvalOptions) (Scores, error) {
	var ext string
	switch format {
	case "meantime":
		ext = ".xml"
	case "gold":
		ext = ".txt"
	default:
		return Scores{}, fmt.Errorf("event: unknown eval format %q (want meantime or gold)", format)
	}
	var files []string
	err := filepath.WalkDir(path, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !de.IsDir() && strings.HasSuffix(p, ext) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return Scores{}, fmt.Errorf("event: %w", err)
	}
	sort.Strings(files)
	var total Scores
	for _, f := range files {
		var s Scores
		var err error
		if format == "meantime" {
			s, err = evalMeantimeFile(f, w, opt)
		} else {
			s, err = evalGoldFile(f, w, opt)
		}
		if err != nil {
			return total, err
		}
		total.add(s)
	}
	fmt.Fprintf(w, "%s: %s\n", path, total)
	return total, nil
}

func overlap(a, b doc.Span) bool { return a.Start < b.End && b.Start < a.End }

// entityMap maps entity ids of d to gold ids by overlapping mentions
// (identity when the layers came from the annotation).
func entityMap(d *doc.Document, gold []doc.Entity) map[string]string {
	out := map[string]string{}
	for _, e := range d.Entities {
		votes := map[string]int{}
		for _, m := range e.Mentions {
			for _, g := range gold {
				for _, gm := range g.Mentions {
					if overlap(m.Span, gm.Span) {
						// weigh by the bytes shared, so "EU-Außenbeauftragte
						// Kaja Kallas" goes to Kallas, not to the EU
						votes[g.ID] += min(m.End, gm.End) - max(m.Start, gm.Start)
					}
				}
			}
		}
		best, bn := "", 0
		for id, n := range votes {
			if n > bn || n == bn && id < best {
				best, bn = id, n
			}
		}
		if best != "" {
			out[e.ID] = best
		}
	}
	return out
}

func evalGoldFile(path string, w io.Writer, opt EvalOptions) (Scores, error) {
	f, err := os.Open(path)
	if err != nil {
		return Scores{}, fmt.Errorf("event: %w", err)
	}
	defer f.Close()
	stories, err := ReadGold(f, path)
	if err != nil {
		return Scores{}, err
	}
	var total Scores
	for i := range stories {
		g := &stories[i]
		ref, err := g.Document()
		if err != nil {
			return total, err
		}
		d := ref
		if opt.Analyze != nil {
			d = &doc.Document{ID: g.ID, Lang: g.Lang, Text: g.Text, Date: g.Date, LangGiven: true}
			if err := opt.Analyze(d); err != nil {
				fmt.Fprintf(w, "%s: story %s: %v\n", path, g.ID, err)
			}
		} else {
			dcopy := *ref
			d = &dcopy
		}
		if err := Extract(d); err != nil {
			return total, err
		}
		emap := map[string]string{}
		if opt.Analyze != nil {
			emap = entityMap(d, ref.Entities)
		} else {
			for _, e := range d.Entities {
				emap[e.ID] = e.ID
			}
		}
		s := scoreGold(g, d, emap, w, opt.Verbose)
		total.add(s)
	}
	return total, nil
}

func scoreGold(g *Gold, d *doc.Document, emap map[string]string, w io.Writer, verbose bool) Scores {
	s := Scores{Docs: 1, Gold: len(g.Events), Predicted: len(d.Events)}
	type gspan struct {
		doc.Span
		ok bool
	}
	gsp := make([]gspan, len(g.Events))
	for i, ge := range g.Events {
		t, occ := pick(g.Text, ge.Trigger)
		if len(occ) > 0 {
			gsp[i] = gspan{doc.Span{Start: occ[0], End: occ[0] + len(t)}, true}
		}
	}
	used := make([]bool, len(g.Events))
	sentOf := func(pos int) int {
		for i, s := range d.Sentences {
			if s.Start <= pos && pos < s.End {
				return i
			}
		}
		return -1
	}
	for _, e := range d.Events {
		gi := -1
		for i := range g.Events {
			if !used[i] && gsp[i].ok && overlap(gsp[i].Span, e.Trigger) {
				gi = i
				break
			}
		}
		if gi < 0 {
			// one event, another of its words: "trafen sich zu einem
			// Gespräch", "spoke by phone"; same sentence, type and mode
			for i, ge := range g.Events {
				if !used[i] && gsp[i].ok && ge.Type == e.Type && compatibleModes(ge.Mode, e.Mode) &&
					sentOf(gsp[i].Start) >= 0 && sentOf(gsp[i].Start) == sentOf(e.Trigger.Start) {
					gi = i
					break
				}
			}
		}
		if gi < 0 {
			if verbose {
				fmt.Fprintf(w, "%s: EXTRA %s\n", g.ID, describeEvent(d, e))
			}
			continue
		}
		used[gi] = true
		ge := g.Events[gi]
		s.Matched++
		gotParts := mapParts(e.Participants, emap)
		ok := e.Type == ge.Type && mainParticipantsRight(gotParts, ge.Participants)
		if e.Type == ge.Type {
			s.TypeRight++
		}
		if e.Status == ge.Status {
			s.StatusRight++
		}
		if emap[e.Source] == ge.Source || e.Source == "" && ge.Source == "" {
			s.SourceRight++
		}
		countParts(&s, gotParts, ge.Participants)
		if ok {
			s.Correct++
		}
		if verbose {
			mark := "OK   "
			if !ok {
				mark = "WRONG"
			}
			fmt.Fprintf(w, "%s: %s %s (gold line %d: %s %v %s src=%s)\n", g.ID, mark, describeEvent(d, e), ge.Line, ge.Type, ge.Participants, ge.Status, ge.Source)
		}
	}
	for i, ge := range g.Events {
		if !used[i] {
			s.PartGold += countGoldParts(ge.Participants)
			if verbose {
				fmt.Fprintf(w, "%s: MISSED line %d: %s/%s %q %v %s\n", g.ID, ge.Line, ge.Type, ge.Mode, ge.Trigger, ge.Participants, ge.Status)
			}
		}
	}
	return s
}

func mapParts(ps []doc.Participant, emap map[string]string) []doc.Participant {
	var out []doc.Participant
	for _, p := range ps {
		id, ok := emap[p.Entity]
		if !ok {
			id = "?" + p.Entity
		}
		out = append(out, doc.Participant{Entity: id, Role: p.Role})
	}
	return out
}

func mainParticipantsRight(got, gold []doc.Participant) bool {
	goldSet := map[string]bool{}
	for _, p := range gold {
		goldSet[p.Entity] = true
	}
	ga, wa := roleOf(got, "actor"), roleOf(gold, "actor")
	if ga != "" && wa != "" && ga != wa {
		return false
	}
	n := 0
	for _, p := range got {
		if p.Role == "mediator" {
			continue
		}
		if !goldSet[p.Entity] {
			return false
		}
		n++
	}
	return n > 0
}

func countGoldParts(ps []doc.Participant) int {
	n := 0
	for _, p := range ps {
		if p.Role != "mediator" {
			n++
		}
	}
	return n
}

func countParts(s *Scores, got, gold []doc.Participant) {
	goldSet := map[string]bool{}
	for _, p := range gold {
		if p.Role != "mediator" {
			goldSet[p.Entity] = true
		}
	}
	s.PartGold += len(goldSet)
	for _, p := range got {
		if p.Role == "mediator" {
			continue
		}
		s.PartPredicted++
		if goldSet[p.Entity] {
			s.PartRight++
		}
	}
}

func evalMeantimeFile(path string, w io.Writer, opt EvalOptions) (Scores, error) {
	f, err := os.Open(path)
	if err != nil {
		return Scores{}, fmt.Errorf("event: %w", err)
	}
	defer f.Close()
	m, err := ReadMeantime(f)
	if err != nil {
		return Scores{}, fmt.Errorf("%s: %w", path, err)
	}
	ref, spans := m.Document()
	d := ref
	if opt.Analyze != nil {
		d = &doc.Document{ID: ref.ID, Lang: "en", LangGiven: true, Text: ref.Text, Date: ref.Date}
		if err := opt.Analyze(d); err != nil {
			fmt.Fprintf(w, "%s: %v\n", path, err)
		}
	}
	if err := Extract(d); err != nil {
		return Scores{}, err
	}
	emap := map[string]string{}
	if opt.Analyze != nil {
		emap = entityMap(d, ref.Entities)
	} else {
		for _, e := range d.Entities {
			emap[e.ID] = e.ID
		}
	}
	type gev struct {
		id string
		doc.Span
	}
	var gold []gev
	for id, mm := range m.Mentions {
		if mm.Tag != "EVENT_MENTION" || len(mm.Tokens) == 0 {
			continue
		}
		sp := doc.Span{Start: -1}
		for _, t := range mm.Tokens {
			ts, ok := spans[t]
			if !ok {
				continue
			}
			if sp.Start < 0 || ts.Start < sp.Start {
				sp.Start = ts.Start
			}
			if ts.End > sp.End {
				sp.End = ts.End
			}
		}
		if sp.Start >= 0 {
			gold = append(gold, gev{id, sp})
		}
	}
	sort.Slice(gold, func(i, j int) bool {
		if gold[i].Start != gold[j].Start {
			return gold[i].Start < gold[j].Start
		}
		if gold[i].End != gold[j].End {
			return gold[i].End < gold[j].End
		}
		return gold[i].id < gold[j].id
	})
	s := Scores{Docs: 1, Gold: len(gold), Predicted: len(d.Events)}
	for _, e := range d.Events {
		gi := -1
		for i, g := range gold {
			if overlap(g.Span, e.Trigger) {
				gi = i
				break
			}
		}
		if gi < 0 {
			if opt.Verbose {
				fmt.Fprintf(w, "%s: EXTRA %s\n", m.ID, describeEvent(d, e))
			}
			continue
		}
		s.Matched++
		mm := m.Mentions[gold[gi].id]
		var gp []doc.Participant
		for _, p := range m.Participants[gold[gi].id] {
			ent, ok := m.RefersTo[p.Mention]
			if !ok {
				continue
			}
			role := "participant"
			switch p.Role {
			case "Arg0":
				role = "actor"
			case "Arg1", "Arg2":
				role = "target"
			}
			gp = append(gp, doc.Participant{Entity: ent, Role: role})
		}
		got := mapParts(e.Participants, emap)
		ok := mainParticipantsRight(got, gp)
		switch {
		case len(gp) == 0:
			s.Unscorable++
		case ok:
			s.Correct++
		}
		st := meantimeStatus(mm)
		if e.Status == st || st == "planned" && e.Status == "expected" || st == "occurred" && e.Status == "ongoing" {
			s.StatusRight++
		}
		countParts(&s, got, gp)
		if opt.Verbose {
			mark := "OK   "
			if !ok {
				mark = "WRONG"
			}
			fmt.Fprintf(w, "%s: %s %s (gold %s %v %s)\n", m.ID, mark, describeEvent(d, e), mm.Pred, gp, st)
		}
	}
	return s, nil
}

// describeEvent renders an event on one line.
func describeEvent(d *doc.Document, e doc.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.ID, e.Type)
	if e.Mode != "" {
		fmt.Fprintf(&b, "/%s", e.Mode)
	}
	if e.Format != "" {
		fmt.Fprintf(&b, " [%s]", e.Format)
	}
	fmt.Fprintf(&b, " %q", d.Slice(e.Trigger))
	for _, p := range e.Participants {
		fmt.Fprintf(&b, " %s:%s", p.Role, p.Entity)
	}
	if e.Place != "" {
		fmt.Fprintf(&b, " @%s", e.Place)
	}
	if e.Time != nil {
		fmt.Fprintf(&b, " t=%s", e.Time.Value)
	}
	fmt.Fprintf(&b, " %s", e.Status)
	if e.Source != "" {
		fmt.Fprintf(&b, " src=%s", e.Source)
	}
	if e.Confirmed != nil {
		fmt.Fprintf(&b, " confirmed=%v", *e.Confirmed)
	}
	if e.About != nil {
		fmt.Fprintf(&b, " about=%q", d.Slice(*e.About))
	}
	return b.String()
}
