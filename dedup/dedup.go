// Package dedup finds exact and near-duplicate stories: re-publications,
// "UPDATE 1" versions and the same wire copy on many sites.
//
// A story's fingerprint is a 64-bit SimHash over word shingles (three
// consecutive lower-cased words) of its text. Two stories whose
// fingerprints differ in at most MaxDistance bits are near-duplicates.
// Bands splits a fingerprint into six bands of 10 or 11 bits: by the pigeonhole
// principle two fingerprints within distance 5 share at least one band,
// so an index of bands finds every candidate with an exact lookup.
//
// Exact duplicates are found by Hash, the SHA-256 of the text with white
// space collapsed. The package knows no language.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// MaxDistance is the largest Hamming distance between the SimHash
// fingerprints of two near-duplicates. It must stay below NumBands for
// the band index to find every candidate.
const MaxDistance = 5

// NumBands is the number of bands of a fingerprint.
const NumBands = MaxDistance + 1

// ShingleSize is the number of words in a shingle.
const ShingleSize = 3

// MinWords is the smallest number of words a text needs for its SimHash to
// be meaningful; shorter texts are only ever exact duplicates.
const MinWords = 12

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

// SimHash returns the 64-bit SimHash of text over word shingles and
// whether the text was long enough (MinWords) to be compared.
func SimHash(text string) (uint64, bool) {
	w := words(text)
	if len(w) < MinWords {
		return 0, false
	}
	var v [64]int
	h := fnv.New64a()
	for i := 0; i+ShingleSize <= len(w); i++ {
		h.Reset()
		for j := 0; j < ShingleSize; j++ {
			h.Write([]byte(w[i+j]))
			h.Write([]byte{' '})
		}
		x := mix(h.Sum64())
		for b := 0; b < 64; b++ {
			if x&(1<<uint(b)) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << uint(b)
		}
	}
	return out, true
}

// mix spreads FNV's bits (FNV-1a is weak in its high bits for short
// inputs); it is the finaliser of SplitMix64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance is the Hamming distance between two fingerprints.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Near reports whether two fingerprints are near-duplicates.
func Near(a, b uint64) bool { return Distance(a, b) <= MaxDistance }

// bandBits are the widths of the bands, low bits first; they sum to 64.
var bandBits = [NumBands]uint{11, 11, 11, 11, 10, 10}

// Bands returns the bands of a fingerprint, each tagged with its band
// number above bit 16 so that one index column holds them all.
func Bands(h uint64) [NumBands]int64 {
	var out [NumBands]int64
	shift := uint(0)
	for i, w := range bandBits {
		out[i] = int64(i)<<16 | int64((h>>shift)&(1<<w-1))
		shift += w
	}
	return out
}
