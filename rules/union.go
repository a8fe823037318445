package rules

import (
	"regexp/syntax"
	"slices"
	"sync"
	"unicode/utf8"
)

// A union runs every rule of a Set at once: one lazily built DFA over the
// rules' programs laid end to end (RE2's technique: a state is the
// ordered list of threads alive at a position and the class of the rune
// before it; transitions on ASCII bytes are cached per byte class, RE2's
// byte classes, which keep the tables small). Threads stay in rule order,
// highest priority first within a rule; when a thread of a rule matches,
// that rule's lower-priority threads are cut and the rule is noted in the
// transition's match set, so a walk from a position yields, for each
// rule, where its leftmost-first match ends (what the backtracker would
// return) in one pass over the bytes. Most positions die after a byte or
// two. A union of one rule (Rule.one) answers for that rule alone.
//
// The compiled program is shared; the state cache is not (a walker per
// goroutine at a time, from the free list), so walking takes no lock.
type union struct {
	inst   []minst
	ruleOf []int32
	starts []uint32
	cls    [utf8.RuneSelf]uint8
	ncls   int
	// live[c] has bit d set when a walk from bytes c, d may match.
	live [utf8.RuneSelf][2]uint64
	// free holds the walkers not in use. Unlike a sync.Pool it keeps
	// them across garbage collections: a walker's states are the cache.
	mu   sync.Mutex
	free []*walker
}

// get returns a walker for the caller's use until put.
func (u *union) get() *walker {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n := len(u.free); n > 0 {
		w := u.free[n-1]
		u.free = u.free[:n-1]
		return w
	}
	return u.newWalker()
}

// put gives back a walker from get.
func (u *union) put(w *walker) {
	u.mu.Lock()
	u.free = append(u.free, w)
	u.mu.Unlock()
}

type ustate struct {
	insts []uint32
	prev  uint8
	// uni caches transitions on non-ASCII runes.
	uni  []uniTrans
	endM int32 // match set at the end of the input, -1 not computed
	// clo caches the closure of the threads before a rune, which depends
	// on the rune only through its class for assertions (closureKind).
	clo [3]closed
}

// closed is a state's closure before a rune of one kind: the rune
// instructions reached, in order, and the match set.
type closed struct {
	runes []uint32
	ms    int32
	ok    bool
}

// closureKind is the kind of rune r for the assertions of a closure
// before it: a newline, a word character, or another rune.
func closureKind(r rune) int {
	switch {
	case r == '\n':
		return 0
	case syntax.IsWordChar(r):
		return 1
	}
	return 2
}

type uniTrans struct {
	r rune
	v uint32
}

// A transition packs 1 in bit 0 (computed), the next state (id+1, 0:
// none) in bits 1-15 and the match set before the byte in bits 16-31.
// The transitions on ASCII bytes are one flat table, a row of ncls a
// state, which keeps a walk's memory accesses few and close.
func packT(nid int32, mset int32) uint32 {
	return 1 | uint32(nid+1)<<1 | uint32(mset)<<16
}

// Limits of the packing: a walker starts afresh beyond them.
const (
	maxUnionStates = 1<<15 - 2
	maxMatchSets   = 1<<16 - 1
)

// walker is one goroutine's cache of union states.
type walker struct {
	u      *union
	states []*ustate
	trans  []uint32 // ASCII transitions: trans[id*ncls+cls]
	index  map[string]int32
	mark   []uint32
	gen    uint32
	stack  []uint32
	runes  []uint32
	next   []uint32
	hit    []int32
	key    []byte
	msets  [][]int32 // interned match sets; 0 is the empty set
	msetIx map[string]int32
	ends   []ruleEnd
	// memo holds the groups (nil: no match) a rule's backtracker found
	// on recent texts (groupsOf).
	memo map[string][]int
	// joins is ScanTokens' scratch: where hyphens and slashes are.
	joins []int
}

// maxMemo bounds a walker's memo; it starts afresh when full.
const maxMemo = 8192

// ruleEnd is where a rule's match at the walked position ends.
type ruleEnd struct {
	rule int32
	end  int
}

// newUnion compiles the union of rules; with pairs it also fills the
// byte-pair filter (mayStart), which a union that serves one rule
// (Rule.one) does without.
func newUnion(rules []*Rule, pairs bool) *union {
	u := &union{}
	for i, r := range rules {
		off := uint32(len(u.inst))
		for _, in := range r.m.inst {
			in.out += off
			if in.op == syntax.InstAlt || in.op == syntax.InstAltMatch {
				in.arg += off
			}
			u.inst = append(u.inst, in)
			u.ruleOf = append(u.ruleOf, int32(i))
		}
		u.starts = append(u.starts, r.m.start+off)
	}
	// byte classes: bytes every rune instruction treats alike
	sigs := map[string]uint8{}
	for c := 0; c < utf8.RuneSelf; c++ {
		sig := []byte{runeClass(rune(c))}
		var bits byte
		n := 0
		for pc := range u.inst {
			in := &u.inst[pc]
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
		u.cls[c] = k
	}
	u.ncls = len(sigs)
	if pairs {
		u.buildPairs()
	}
	return u
}

// buildPairs fills u.live: for each pair of ASCII bytes, whether a walk
// from a position beginning with them can outlive them or match within
// them. Scan tests it before walking.
func (u *union) buildPairs() {
	w := u.newWalker()
	var rep [256]int // a byte of each class
	for c := utf8.RuneSelf - 1; c >= 0; c-- {
		rep[u.cls[c]] = c
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		v := w.step(0, rune(c))
		id := int32(v>>1&0x7FFF) - 1
		if v>>16 != 0 || id < 0 {
			// a match of the first byte alone (handled by walk) or none
			if v>>16 != 0 {
				u.live[c] = [2]uint64{^uint64(0), ^uint64(0)}
			}
			continue
		}
		var liveCls [256]bool
		for k := 0; k < u.ncls; k++ {
			v2 := w.step(id, rune(rep[k]))
			liveCls[k] = v2>>16 != 0 || int32(v2>>1&0x7FFF) > 0
		}
		for d := 0; d < utf8.RuneSelf; d++ {
			if liveCls[u.cls[d]] {
				u.live[c][d>>6] |= 1 << (d & 63)
			}
		}
	}
	u.free = append(u.free, w)
}

// mayLive reports whether a walk at text[i:], which begins with ASCII
// byte c, can match (false: it cannot).
func (u *union) mayLive(text string, i int, c byte) bool {
	if i+1 >= len(text) {
		return true
	}
	d := text[i+1]
	return d >= utf8.RuneSelf || u.live[c][d>>6]&(1<<(d&63)) != 0
}

func (u *union) newWalker() *walker {
	w := &walker{u: u, mark: make([]uint32, len(u.inst)), memo: map[string][]int{}}
	w.reset()
	return w
}

func (w *walker) reset() {
	w.states, w.trans = w.states[:0], w.trans[:0]
	w.index = map[string]int32{}
	w.msets = [][]int32{nil}
	w.msetIx = map[string]int32{"": 0}
	w.state(w.u.starts, classStart)
}

// state returns the id of the state with threads insts after a rune of
// class prev, adding it when new.
func (w *walker) state(insts []uint32, prev uint8) int32 {
	w.key = append(w.key[:0], prev)
	for _, pc := range insts {
		w.key = append(w.key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if id, ok := w.index[string(w.key)]; ok {
		return id
	}
	id := int32(len(w.states))
	w.states = append(w.states, &ustate{insts: append([]uint32(nil), insts...), prev: prev, endM: -1})
	n := len(w.trans)
	w.trans = slices.Grow(w.trans, w.u.ncls)[:n+w.u.ncls]
	clear(w.trans[n:])
	w.index[string(w.key)] = id
	return id
}

// closure follows the threads of st before rune r (-1: the end of the
// input) in order, collecting rune instructions in w.runes; it returns
// the match set: the rules one of whose threads matches here (their
// later threads are cut).
func (w *walker) closure(st *ustate, r rune) int32 {
	ctx := syntax.EmptyOpContext(classRune[st.prev], r)
	w.gen++
	if w.gen == 0 {
		clear(w.mark)
		w.gen = 1
	}
	w.runes, w.hit = w.runes[:0], w.hit[:0]
	inst := w.u.inst
	cut := int32(-1)
	for _, pc0 := range st.insts {
		rule := w.u.ruleOf[pc0]
		if rule == cut {
			continue
		}
		w.stack = append(w.stack[:0], pc0)
	thread:
		for len(w.stack) > 0 {
			pc := w.stack[len(w.stack)-1]
			w.stack = w.stack[:len(w.stack)-1]
			if w.mark[pc] == w.gen {
				continue
			}
			w.mark[pc] = w.gen
			in := &inst[pc]
			switch in.op {
			case syntax.InstAlt, syntax.InstAltMatch:
				w.stack = append(w.stack, in.arg, in.out)
			case syntax.InstCapture, syntax.InstNop:
				w.stack = append(w.stack, in.out)
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.arg)&^ctx == 0 {
					w.stack = append(w.stack, in.out)
				}
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				w.runes = append(w.runes, pc)
			case syntax.InstMatch:
				w.hit = append(w.hit, rule)
				cut = rule
				break thread
			}
		}
	}
	return w.mset(w.hit)
}

// mset interns a match set.
func (w *walker) mset(rules []int32) int32 {
	if len(rules) == 0 {
		return 0
	}
	w.key = w.key[:0]
	for _, r := range rules {
		w.key = append(w.key, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
	}
	if id, ok := w.msetIx[string(w.key)]; ok {
		return id
	}
	id := int32(len(w.msets))
	w.msets = append(w.msets, append([]int32(nil), rules...))
	w.msetIx[string(w.key)] = id
	return id
}

// step computes the transition of state id on rune r.
func (w *walker) step(id int32, r rune) uint32 {
	st := w.states[id]
	c := &st.clo[closureKind(r)]
	if !c.ok {
		c.ms = w.closure(st, r)
		c.runes = slices.Clone(w.runes)
		c.ok = true
	}
	ms := c.ms
	w.gen++
	next := w.next[:0]
	for _, pc := range c.runes {
		in := &w.u.inst[pc]
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
		if ok && w.mark[in.out] != w.gen {
			w.mark[in.out] = w.gen
			next = append(next, in.out)
		}
	}
	w.next = next
	nid := int32(-1)
	if len(next) > 0 {
		nid = w.state(next, runeClass(r))
	}
	return packT(nid, ms)
}

// maxUni bounds the non-ASCII transitions a state caches.
const maxUni = 32

// walk runs the union from the start of s and returns, for each rule that
// matches there, where its leftmost-first match ends (non-empty matches
// only), in w.ends.
func (w *walker) walk(s string) []ruleEnd {
	if len(w.states) >= maxUnionStates || len(w.msets) >= maxMatchSets {
		w.reset()
	}
	w.ends = w.ends[:0]
	id := int32(0)
	ncls := int32(w.u.ncls)
	cls := &w.u.cls
	trans := w.trans
	for p := 0; ; {
		if p == len(s) {
			st := w.states[id]
			if st.endM < 0 {
				st.endM = w.closure(st, -1)
			}
			w.note(st.endM, p)
			break
		}
		var v uint32
		q := p
		if c := s[p]; c < utf8.RuneSelf {
			k := id*ncls + int32(cls[c])
			v = trans[k]
			if v == 0 {
				v = w.step(id, rune(c))
				trans = w.trans // step may have grown the table
				trans[k] = v
			}
			p++
		} else {
			st := w.states[id]
			r, size := utf8.DecodeRuneInString(s[p:])
			found := false
			for _, t := range st.uni {
				if t.r == r {
					v, found = t.v, true
					break
				}
			}
			if !found {
				v = w.step(id, r)
				trans = w.trans
				if len(st.uni) < maxUni {
					st.uni = append(st.uni, uniTrans{r, v})
				}
			}
			p += size
		}
		if ms := int32(v >> 16); ms != 0 {
			w.note(ms, q)
		}
		id = int32(v>>1&0x7FFF) - 1
		if id < 0 {
			break
		}
	}
	return w.ends
}

// note records that the rules of match set ms match up to end.
func (w *walker) note(ms int32, end int) {
	if ms == 0 || end == 0 {
		return
	}
	for _, r := range w.msets[ms] {
		found := false
		for i := range w.ends {
			if w.ends[i].rule == r {
				w.ends[i].end = end
				found = true
				break
			}
		}
		if !found {
			w.ends = append(w.ends, ruleEnd{r, end})
		}
	}
}

// end returns where the leftmost-first match of a one-rule union at the
// start of s ends, or false.
func (u *union) end(s string) (int, bool) {
	w := u.get()
	defer u.put(w)
	for _, e := range w.walk(s) {
		return e.end, true
	}
	return 0, false
}
