package event

import (
	"errors"
	"strings"
	"testing"
)

const miniMeantime = `<?xml version="1.0" ?><Document doc_id="1" doc_name="mini" lang="en">
<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">rejected</token>
<token number="2" sentence="0" t_id="3">the</token>
<token number="3" sentence="0" t_id="4">offer</token>
<token number="4" sentence="1" t_id="5">Airbus</token>
<token number="5" sentence="1" t_id="6">did</token>
<token number="6" sentence="1" t_id="7">not</token>
<token number="7" sentence="1" t_id="8">comment</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="5"/></ENTITY_MENTION>
<EVENT_MENTION m_id="20" pred="reject" pos="VERB" polarity="POS" certainty="CERTAIN" time="NON_FUTURE"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" pred="comment" pos="VERB" polarity="NEG" certainty="CERTAIN" time="NON_FUTURE"><token_anchor t_id="8"/></EVENT_MENTION>
<ENTITY m_id="30" ent_type="ORG" TAG_DESCRIPTOR="Boeing"/>
<ENTITY m_id="31" ent_type="ORG" TAG_DESCRIPTOR="Airbus"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="10"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="11"/><target m_id="31"/></REFERS_TO>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="20"/><target m_id="10"/></HAS_PARTICIPANT>
</Relations>
</Document>`

func TestReadMeantime(t *testing.T) {
	m, err := ReadMeantime(strings.NewReader(miniMeantime))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Tokens) != 8 || m.Mentions["20"].Pred != "reject" || m.RefersTo["10"] != "30" {
		t.Fatalf("got %d tokens, mention 20 %+v, refers %v", len(m.Tokens), m.Mentions["20"], m.RefersTo)
	}
	if ps := m.Participants["20"]; len(ps) != 1 || ps[0].Mention != "10" || ps[0].Role != "Arg0" {
		t.Errorf("participants of 20 = %+v, want mention 10 as Arg0", ps)
	}
	if got := meantimeStatus(m.Mentions["21"]); got != "negated" {
		t.Errorf("status of 21 = %q, want negated", got)
	}
	d, spans := m.Document()
	if got, want := d.Text, "Boeing rejected the offer\nAirbus did not comment"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if len(d.Sentences) != 2 || d.Slice(spans["4"]) != "offer" {
		t.Errorf("sentences %v, token 4 = %q", d.Sentences, d.Slice(spans["4"]))
	}
	if len(d.Entities) != 2 || d.Entities[0].ID != "30" || d.Entities[0].Type != "ORG" {
		t.Errorf("entities = %+v", d.Entities)
	}
	if err := Extract(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Type != "REJECT" || d.Events[0].Participants[0].Entity != "30" {
		t.Errorf("events = %+v, want one REJECT by 30", d.Events)
	}
}

func TestReadMeantime_errors(t *testing.T) {
	for name, in := range map[string]string{"empty": "", "no tokens": `<Document doc_id="x"></Document>`, "broken": `<Document><token`} {
		if _, err := ReadMeantime(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestReadGold(t *testing.T) {
	in := "# c\nstory s1\nlang en\ndate 2026-01-02\ntext\nIran rejected the offer.\nend\nentity ir LOC Iran | Iran\nevent REJECT | rejected | actor:ir | occurred | -\n"
	gs, err := ReadGold(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || gs[0].Text != "Iran rejected the offer." || len(gs[0].Events) != 1 || gs[0].Events[0].Participants[0].Entity != "ir" {
		t.Fatalf("got %+v", gs)
	}
	d, err := gs[0].Document()
	if err != nil || len(d.Entities) != 1 || len(d.Entities[0].Mentions) != 1 {
		t.Fatalf("Document: %+v, %v", d, err)
	}
	for name, bad := range map[string]string{
		"before story":  "lang en\n",
		"bad date":      "story s\ndate 2026-13-01\n",
		"bad event":     "story s\nevent REJECT | x\n",
		"bad part":      "story s\nevent REJECT | x | actor | occurred | -\n",
		"open text":     "story s\ntext\nabc\n",
		"unknown key":   "story s\nfoo bar\n",
		"bad entity":    "story s\nentity x\n",
		"bad timex":     "story s\ntimex a\n",
		"bad dateline":  "story s\ndateline x\n",
		"dateline date": "story s\ndateline x y\n",
	} {
		if _, err := ReadGold(strings.NewReader(bad), "x.txt"); !errors.Is(err, ErrData) {
			t.Errorf("%s: err = %v, want ErrData", name, err)
		}
	}
	g := Gold{ID: "s", Text: "abc", Entities: []GoldEntity{{ID: "x", Type: "LOC", Mentions: []string{"zzz"}}}}
	if _, err := g.Document(); !errors.Is(err, ErrData) {
		t.Errorf("missing mention: err = %v, want ErrData", err)
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add("story s\nlang de\ntext\nRussland fordert Land.\nend\nentity ru LOC Russia | Russland | derived:russ#2\ntimex x | 2026\nevent DEMAND | fordert#1 | actor:ru | occurred | -\n")
	f.Fuzz(func(t *testing.T, in string) {
		gs, err := ReadGold(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for i := range gs {
			d, err := gs[i].Document()
			if err != nil {
				continue
			}
			_ = Extract(d)
		}
	})
}

func FuzzReadMeantime(f *testing.F) {
	f.Add(miniMeantime)
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ReadMeantime(strings.NewReader(in))
		if err != nil {
			return
		}
		d, _ := m.Document()
		for _, e := range d.Entities {
			for _, mm := range e.Mentions {
				if !mm.Valid(len(d.Text)) {
					t.Fatalf("mention %v outside text of %d bytes", mm.Span, len(d.Text))
				}
			}
		}
		_ = Extract(d)
	})
}
