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

// Context classes of the rune before a position, for empty-width
// assertions (union states carry one).
const (
	classStart = iota
	classNL
	classWord
	classOther
)

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
