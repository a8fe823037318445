// Package dedup finds exact and near-duplicate stories: re-publications,
// "UPDATE 1" versions and the same wire copy on many sites.
//
// Exact duplicates share Hash, the SHA-256 of the text with white space
// collapsed.
//
// Near-duplicates are found with MinHash over word shingles (three
// consecutive lower-cased words): a story's Signature holds NumHashes
// minimum hash values, and the share of equal values estimates the Jaccard
// similarity of two stories' shingle sets. Two stories with an estimated
// similarity of at least Threshold are near-duplicates. Signature.Bands
// splits a signature into NumBands bands of Rows values each (locality
// sensitive hashing): two stories with Jaccard similarity J share at least
// one band with probability 1-(1-J^Rows)^NumBands, 0.9997 for J = 0.9 and
// 0.06 for J = 0.3, so an index of bands finds the candidates with exact
// lookups.
//
// SimHash was tried first and rejected: on wire stories of 50-100 words a
// nine-word credit line moved the fingerprint by nine bits, as far as
// unrelated templated stories. The package knows no language.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"strings"
	"unicode"
)

// Parameters of the signatures; changing them invalidates stored ones.
const (
	NumHashes   = 32
	Rows        = 4
	NumBands    = NumHashes / Rows
	ShingleSize = 3
	// MinWords is the smallest number of words a text needs for a
	// signature; shorter texts are only ever exact duplicates.
	MinWords = 12
	// Threshold is the estimated Jaccard similarity from which two texts
	// are near-duplicates.
	Threshold = 0.75
)

// Hash returns the content hash of a text: hex SHA-256 of its words
// joined by single spaces, so that re-wrapped copies hash alike.
func Hash(text string) string {
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h[:])
}

// words splits text into lower-cased words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Signature is a MinHash signature.
type Signature [NumHashes]uint32

// seeds are the per-hash-function salts (fixed: signatures are stored).
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + 0x9e3779b97f4a7c15)
		s[i] = x
	}
	return s
}()

// MinHash returns the signature of text and whether the text was long
// enough (MinWords) to have one.
func MinHash(text string) (Signature, bool) {
	var sig Signature
	w := words(text)
	if len(w) < MinWords {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+ShingleSize <= len(w); i++ {
		h.Reset()
		for j := 0; j < ShingleSize; j++ {
			h.Write([]byte(w[i+j]))
			h.Write([]byte{' '})
		}
		x := h.Sum64()
		for k := range sig {
			if v := uint32(mix(x ^ seeds[k])); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig, true
}

// mix is the finaliser of SplitMix64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the texts of two
// signatures.
func Similarity(a, b Signature) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// Near reports whether two signatures are near-duplicates.
func Near(a, b Signature) bool { return Similarity(a, b) >= Threshold }

// Bands returns the band keys of a signature: a hash of each band's Rows
// values, tagged with the band number in the top byte so that one index
// column holds them all.
func (s Signature) Bands() [NumBands]int64 {
	var out [NumBands]int64
	var buf [4 * Rows]byte
	for b := 0; b < NumBands; b++ {
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[4*r:], s[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		out[b] = int64(b)<<56 | int64(h.Sum64()&(1<<56-1))
	}
	return out
}

// Bytes encodes a signature for storage (4·NumHashes bytes, little endian).
func (s Signature) Bytes() []byte {
	b := make([]byte, 4*NumHashes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ErrSignature is returned by ParseSignature for bytes of the wrong length.
var ErrSignature = errors.New("dedup: malformed signature")

// ParseSignature decodes Signature.Bytes.
func ParseSignature(b []byte) (Signature, error) {
	var s Signature
	if len(b) != 4*NumHashes {
		return s, ErrSignature
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}
