package rules

import (
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// machine matches one rule's pattern, anchored at the start of a string,
// with the semantics of package regexp (leftmost-first, Perl syntax): it
// is regexp's backtracker specialised for the short anchored windows Scan
// tries. A rune instruction decides an ASCII byte by a bitmap, the
// input is read as bytes, the visited set is cleared word by word as it
// was used, and nothing is allocated per call, which together make a
// match several times cheaper than (*regexp.Regexp).FindStringSubmatchIndex.
type machine struct {
	inst  []minst
	start uint32
	ncap  int // capture slots: 2 × (groups + 1)
}

type minst struct {
	op    syntax.InstOp
	out   uint32
	arg   uint32
	r1    rune      // InstRune1: the rune
	ascii [2]uint64 // InstRune, InstRune1: the ASCII runes that match
	in    *syntax.Inst
}

// compileMachine compiles pattern as regexp.Compile would compile
// `^(?:pattern)`.
func compileMachine(pattern string) (*machine, error) {
	re, err := syntax.Parse(`^(?:`+pattern+`)`, syntax.Perl)
	if err != nil {
		return nil, err
	}
	ncap := 2 * (re.MaxCap() + 1)
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	if prog.NumCap > ncap {
		ncap = prog.NumCap
	}
	m := &machine{inst: make([]minst, len(prog.Inst)), start: uint32(prog.Start), ncap: ncap}
	for pc := range prog.Inst {
		in := &prog.Inst[pc]
		mi := &m.inst[pc]
		mi.op, mi.out, mi.arg, mi.in = in.Op, in.Out, in.Arg, in
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1:
			if in.Op == syntax.InstRune1 {
				mi.r1 = in.Rune[0]
			}
			for c := rune(0); c < utf8.RuneSelf; c++ {
				if in.Op == syntax.InstRune1 && c == mi.r1 || in.Op == syntax.InstRune && in.MatchRune(c) {
					mi.ascii[c>>6] |= 1 << (c & 63)
				}
			}
		}
	}
	return m, nil
}

type mjob struct {
	pc  uint32
	arg bool
	pos int
}

type mscratch struct {
	visited []uint32
	dirty   []int32
	jobs    []mjob
}

var scratchPool = sync.Pool{New: func() any { return new(mscratch) }}

// match matches at the start of s and, when it does, reports true with
// the capture positions in caps (len m.ncap; -1 for groups that did not
// take part).
func (m *machine) match(s string, caps []int) bool {
	sc := scratchPool.Get().(*mscratch)
	n := len(m.inst) * (len(s) + 1)
	if w := (n + 31) / 32; len(sc.visited) < w {
		sc.visited = make([]uint32, w)
	}
	for i := range caps {
		caps[i] = -1
	}
	caps[0] = 0
	ok := m.run(sc, s, caps)
	for _, w := range sc.dirty {
		sc.visited[w] = 0
	}
	sc.dirty = sc.dirty[:0]
	sc.jobs = sc.jobs[:0]
	scratchPool.Put(sc)
	return ok
}

func (m *machine) run(sc *mscratch, s string, caps []int) bool {
	width := len(s) + 1
	visited, dirty, jobs := sc.visited, sc.dirty, sc.jobs
	defer func() { sc.dirty, sc.jobs = dirty, jobs }()
	inst := m.inst
	// visit marks state (pc, pos) visited and reports whether it was not.
	visit := func(pc uint32, pos int) bool {
		n := uint(int(pc)*width + pos)
		w, bit := n/32, uint32(1)<<(n&31)
		v := visited[w]
		if v&bit != 0 {
			return false
		}
		if v == 0 {
			dirty = append(dirty, int32(w))
		}
		visited[w] = v | bit
		return true
	}
	if visit(m.start, 0) {
		jobs = append(jobs, mjob{pc: m.start, pos: 0})
	}
	for len(jobs) > 0 {
		l := len(jobs) - 1
		j := jobs[l]
		jobs = jobs[:l]
		pc, pos, arg := j.pc, j.pos, j.arg
		goto skip
	check:
		if !visit(pc, pos) {
			continue
		}
	skip:
		{
			in := &inst[pc]
			switch in.op {
			case syntax.InstAlt:
				if arg {
					arg = false
					pc = in.arg
					goto check
				}
				// come back for in.arg when in.out is done
				jobs = append(jobs, mjob{pc: pc, arg: true, pos: pos})
				pc = in.out
				goto check
			case syntax.InstAltMatch:
				switch inst[in.out].op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					if visit(in.arg, pos) {
						jobs = append(jobs, mjob{pc: in.arg, pos: pos})
					}
					pc = in.arg
					pos = len(s)
					goto check
				}
				if visit(in.out, len(s)) {
					jobs = append(jobs, mjob{pc: in.out, pos: len(s)})
				}
				pc = in.out
				goto check
			case syntax.InstRune, syntax.InstRune1:
				if pos >= len(s) {
					continue
				}
				if c := s[pos]; c < utf8.RuneSelf {
					if in.ascii[c>>6]&(1<<(c&63)) == 0 {
						continue
					}
					pos++
				} else {
					r, size := utf8.DecodeRuneInString(s[pos:])
					if in.op == syntax.InstRune1 && r != in.r1 || in.op == syntax.InstRune && !in.in.MatchRune(r) {
						continue
					}
					pos += size
				}
				pc = in.out
				goto check
			case syntax.InstRuneAnyNotNL, syntax.InstRuneAny:
				if pos >= len(s) {
					continue
				}
				r, size := rune(s[pos]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(s[pos:])
				}
				if r == '\n' && in.op == syntax.InstRuneAnyNotNL {
					continue
				}
				pos += size
				pc = in.out
				goto check
			case syntax.InstCapture:
				if arg {
					// in.out is done: restore the old value
					caps[in.arg] = pos
					continue
				}
				if int(in.arg) < len(caps) {
					jobs = append(jobs, mjob{pc: pc, arg: true, pos: caps[in.arg]})
					caps[in.arg] = pos
				}
				pc = in.out
				goto check
			case syntax.InstEmptyWidth:
				r1, r2 := rune(-1), rune(-1)
				if pos > 0 {
					r1, _ = utf8.DecodeLastRuneInString(s[:pos])
				}
				if pos < len(s) {
					r2, _ = utf8.DecodeRuneInString(s[pos:])
				}
				if syntax.EmptyOp(in.arg)&^syntax.EmptyOpContext(r1, r2) != 0 {
					continue
				}
				pc = in.out
				goto check
			case syntax.InstNop:
				pc = in.out
				goto check
			case syntax.InstMatch:
				if len(caps) > 1 {
					caps[1] = pos
				}
				return true
			}
		}
	}
	return false
}

// A dfa finds where the leftmost-first match of a machine ends, without
// captures, as a lazily built deterministic automaton (RE2's technique):
// a state is the ordered list of threads alive at a position (highest
// priority first) and the class of the rune before it; when a thread
// matches, the threads after it are dropped, so the last match seen is
// the one the backtracker would return. Transitions on ASCII bytes are
// cached per state and byte class; a match is then a table walk, and the backtracker
// runs only for the rule whose match is kept, to get its groups.
type dfa struct {
	mu     sync.Mutex
	m      *machine
	states []*dstate
	index  map[string]int32
	mark   []uint32 // closure marks: the generation that visited a pc
	gen    uint32
	stack  []uint32
	runes  []uint32
	key    []byte
	// cls maps an ASCII byte to its class: bytes of one class are
	// accepted by the same rune instructions and have the same context
	// class, so every state treats them alike; a state's table has one
	// entry a class (RE2's byte classes, which keep the tables small).
	cls  [utf8.RuneSelf]uint8
	ncls int
}

type dstate struct {
	insts []uint32
	prev  uint8 // class of the rune before: classStart, classNL, classWord, classOther
	// next[cls[c]] for ASCII byte c: 0 not computed yet, else 1 +
	// 2*(id+1) + match, where id is the next state (-1: none) and match
	// says a match ends before c.
	next []int32
	endR int8 // at the end of the input: 0 not computed, 1 match, 2 none
}

const (
	classStart = iota
	classNL
	classWord
	classOther
)

// maxStates bounds a dfa's cache; it starts afresh when full.
const maxStates = 4096

func runeClass(r rune) uint8 {
	switch {
	case r == '\n':
		return classNL
	case syntax.IsWordChar(r):
		return classWord
	}
	return classOther
}

var classRune = [4]rune{-1, '\n', 'a', ' '}

func newDFA(m *machine) *dfa {
	d := &dfa{m: m, index: map[string]int32{}, mark: make([]uint32, len(m.inst))}
	sigs := map[string]uint8{}
	sig := make([]byte, 0, 1+len(m.inst)/8+1)
	for c := 0; c < utf8.RuneSelf; c++ {
		sig = append(sig[:0], runeClass(rune(c)))
		var bits byte
		n := 0
		for pc := range m.inst {
			in := &m.inst[pc]
			if in.op != syntax.InstRune && in.op != syntax.InstRune1 {
				continue
			}
			if in.ascii[c>>6]&(1<<(c&63)) != 0 {
				bits |= 1 << (n & 7)
			}
			if n++; n&7 == 0 {
				sig, bits = append(sig, bits), 0
			}
		}
		sig = append(sig, bits)
		k, ok := sigs[string(sig)]
		if !ok {
			k = uint8(len(sigs))
			sigs[string(sig)] = k
		}
		d.cls[c] = k
	}
	d.ncls = len(sigs)
	return d
}

// state returns the id of the state with threads insts after a rune of
// class prev, adding it when new.
func (d *dfa) state(insts []uint32, prev uint8) int32 {
	d.key = append(d.key[:0], prev)
	for _, pc := range insts {
		d.key = append(d.key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if id, ok := d.index[string(d.key)]; ok {
		return id
	}
	id := int32(len(d.states))
	d.states = append(d.states, &dstate{insts: append([]uint32(nil), insts...), prev: prev, next: make([]int32, d.ncls)})
	d.index[string(d.key)] = id
	return id
}

// closure follows the threads of st before rune r (-1: the end of the
// input) in priority order, collecting rune instructions in d.runes; it
// reports whether a match ends here (the threads after it are cut).
func (d *dfa) closure(st *dstate, r rune) bool {
	ctx := syntax.EmptyOpContext(classRune[st.prev], r)
	d.gen++
	if d.gen == 0 {
		clear(d.mark)
		d.gen = 1
	}
	d.runes = d.runes[:0]
	for _, pc0 := range st.insts {
		d.stack = append(d.stack[:0], pc0)
		for len(d.stack) > 0 {
			pc := d.stack[len(d.stack)-1]
			d.stack = d.stack[:len(d.stack)-1]
			if d.mark[pc] == d.gen {
				continue
			}
			d.mark[pc] = d.gen
			in := &d.m.inst[pc]
			switch in.op {
			case syntax.InstAlt, syntax.InstAltMatch:
				d.stack = append(d.stack, in.arg, in.out)
			case syntax.InstCapture, syntax.InstNop:
				d.stack = append(d.stack, in.out)
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.arg)&^ctx == 0 {
					d.stack = append(d.stack, in.out)
				}
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				d.runes = append(d.runes, pc)
			case syntax.InstMatch:
				return true
			}
		}
	}
	return false
}

// step computes the transition of state id on rune r.
func (d *dfa) step(id int32, r rune) int32 {
	st := d.states[id]
	match := d.closure(st, r)
	d.gen++
	var next []uint32
	for _, pc := range d.runes {
		in := &d.m.inst[pc]
		ok := false
		switch in.op {
		case syntax.InstRune, syntax.InstRune1:
			if r < utf8.RuneSelf {
				ok = in.ascii[r>>6]&(1<<(r&63)) != 0
			} else if in.op == syntax.InstRune1 {
				ok = r == in.r1
			} else {
				ok = in.in.MatchRune(r)
			}
		case syntax.InstRuneAny:
			ok = true
		case syntax.InstRuneAnyNotNL:
			ok = r != '\n'
		}
		if ok && d.mark[in.out] != d.gen {
			d.mark[in.out] = d.gen
			next = append(next, in.out)
		}
	}
	nid := int32(-1)
	if len(next) > 0 {
		nid = d.state(next, runeClass(r))
	}
	v := 1 + 2*(nid+1)
	if match {
		v++
	}
	return v
}

// end returns where the leftmost-first match at the start of s ends, or
// false.
func (d *dfa) end(s string) (int, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.states) > maxStates {
		d.states, d.index = d.states[:0], map[string]int32{}
	}
	if len(d.states) == 0 {
		d.state([]uint32{d.m.start}, classStart)
	}
	id := int32(0)
	last := -1
	for p := 0; ; {
		st := d.states[id]
		if p == len(s) {
			if st.endR == 0 {
				st.endR = 2
				if d.closure(st, -1) {
					st.endR = 1
				}
			}
			if st.endR == 1 {
				last = p
			}
			break
		}
		var v int32
		q := p
		if c := s[p]; c < utf8.RuneSelf {
			k := d.cls[c]
			v = st.next[k]
			if v == 0 {
				v = d.step(id, rune(c))
				st.next[k] = v
			}
			p++
		} else {
			r, size := utf8.DecodeRuneInString(s[p:])
			v = d.step(id, r)
			p += size
		}
		v--
		if v&1 != 0 {
			last = q
		}
		id = v>>1 - 1
		if id < 0 {
			break
		}
	}
	return last, last >= 0
}
