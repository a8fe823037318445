package ner

// featTable is an open-addressing hash table from feature hashes to weight
// rows, faster than a Go map for the tagger's lookups.
type featTable struct {
	keys  []uint64
	vals  []int32
	shift uint
}

func newFeatTable(m map[uint64]int32) featTable {
	size, shift := 16, uint(60)
	for size < 2*len(m) {
		size *= 2
		shift--
	}
	t := featTable{keys: make([]uint64, size), vals: make([]int32, size), shift: shift}
	for i := range t.vals {
		t.vals[i] = -1
	}
	mask := uint64(size - 1)
	for k, v := range m {
		i := (k * 0x9E3779B97F4A7C15) >> t.shift
		for t.vals[i] >= 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

// get returns the row of feature h, or -1.
func (t *featTable) get(h uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	mask := uint64(len(t.keys) - 1)
	i := (h * 0x9E3779B97F4A7C15) >> t.shift
	for {
		v := t.vals[i]
		if v < 0 || t.keys[i] == h {
			return v
		}
		i = (i + 1) & mask
	}
}
