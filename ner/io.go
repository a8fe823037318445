package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/dateline/dateline/internal/shareddata"
)

// The committed models and the language data their features read.
//
//go:embed models data
var embedded embed.FS

func dataFS() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return embedded
	}
	return sub
}

func dataDir() (string, error) { return shareddata.Dir() }

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// modelFormat versions the binary weight file.
const modelFormat = "dateline-ner/1"

var magic = []byte("DLNER\x01")

// Meta is the metadata file of a model (meta.json): what it was trained
// on, how, and how well it scored.
type Meta struct {
	Format   string         `json:"format"`
	Lang     string         `json:"lang"`
	Method   string         `json:"method"`
	Data     []DataInfo     `json:"data"`
	Seed     uint64         `json:"seed"`
	Epochs   int            `json:"epochs"`
	Options  map[string]any `json:"options"`
	Labels   []string       `json:"labels"`
	Domains  []string       `json:"domains"`
	Features int            `json:"features"`
	Trained  string         `json:"training_time"`
	// Confidence calibration of the Viterbi margin (logistic).
	ConfA float64 `json:"confidence_a"`
	ConfB float64 `json:"confidence_b"`
	// Scores are held-out or cross-validated measurements, by name.
	Scores map[string]any `json:"scores,omitempty"`
	// Command reproduces the model.
	Command string `json:"command,omitempty"`
}

// DataInfo names one training corpus.
type DataInfo struct {
	File      string `json:"file"`
	Domain    string `json:"domain"`
	Sentences int    `json:"sentences"`
}

// Save writes model.bin.gz and meta.json to dir.
func (m *Model) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	var buf bytes.Buffer
	if err := m.writeWeights(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "model.bin.gz"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	if m.stage1 != nil {
		var b1 bytes.Buffer
		if err := m.stage1.writeWeights(&b1); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "stage1.bin.gz"), b1.Bytes(), 0o644); err != nil {
			return fmt.Errorf("ner: %w", err)
		}
	}
	m.Meta.ConfA, m.Meta.ConfB = m.confA, m.confB
	js, err := json.MarshalIndent(m.Meta, "", "  ")
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "meta.json"), append(js, '\n'), 0o644)
}

func (m *Model) writeWeights(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	L := m.numLabels()
	var maxAbs float64
	for _, v := range m.w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	sv := func(v int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], v)]) }
	bw.Write(magic)
	uv(uint64(L))
	binary.Write(bw, binary.LittleEndian, float64(scale))
	keys := make([]uint64, 0, len(m.feat))
	for h := range m.feat {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	// Features whose quantised row is all zero are dropped.
	type row struct {
		h  uint64
		q  []int16
		ix []byte
	}
	var rows []row
	for _, h := range keys {
		r := m.w[int(m.feat[h])*L : int(m.feat[h])*L+L]
		var rr row
		rr.h = h
		for y, v := range r {
			q := math.Round(float64(v) / scale)
			if q != 0 {
				rr.ix = append(rr.ix, byte(y))
				rr.q = append(rr.q, int16(q))
			}
		}
		if len(rr.q) > 0 {
			rows = append(rows, rr)
		}
	}
	uv(uint64(len(rows)))
	var prev uint64
	for _, r := range rows {
		uv(r.h - prev)
		prev = r.h
		bw.WriteByte(byte(len(r.q)))
		for i := range r.q {
			bw.WriteByte(r.ix[i])
			sv(int64(r.q[i]))
		}
	}
	for _, v := range m.trans {
		binary.Write(bw, binary.LittleEndian, v)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// errFormat reports a damaged or incompatible model file.
var errFormat = errors.New("ner: bad model file")

func (m *Model) readWeights(r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("%w: %v", errFormat, err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || !bytes.Equal(head, magic) {
		return fmt.Errorf("%w: no magic", errFormat)
	}
	L64, err := binary.ReadUvarint(br)
	if err != nil || int(L64) != m.numLabels() {
		return fmt.Errorf("%w: label count %d, want %d", errFormat, L64, m.numLabels())
	}
	L := int(L64)
	var scale float64
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return fmt.Errorf("%w: %v", errFormat, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return fmt.Errorf("%w: feature count", errFormat)
	}
	m.feat = make(map[uint64]int32, n)
	m.w = make([]float32, int(n)*L)
	var h uint64
	for i := 0; i < int(n); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fmt.Errorf("%w: feature %d: %v", errFormat, i, err)
		}
		h += d
		k, err := br.ReadByte()
		if err != nil {
			return fmt.Errorf("%w: feature %d: %v", errFormat, i, err)
		}
		for j := 0; j < int(k); j++ {
			y, err := br.ReadByte()
			if err != nil || int(y) >= L {
				return fmt.Errorf("%w: feature %d: label", errFormat, i)
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return fmt.Errorf("%w: feature %d: %v", errFormat, i, err)
			}
			m.w[i*L+int(y)] = float32(float64(q) * scale)
		}
		m.feat[h] = int32(i)
	}
	m.trans = make([]float32, (L+1)*L)
	if err := binary.Read(br, binary.LittleEndian, m.trans); err != nil {
		return fmt.Errorf("%w: transitions: %v", errFormat, err)
	}
	return nil
}

// LoadFS reads a model of language lang from fsys, which holds
// models/<lang>/{meta.json,model.bin.gz} and data/<lang>/ resources.
func LoadFS(fsys fs.FS, lang string) (*Model, error) {
	js, err := fs.ReadFile(fsys, path.Join("models", lang, "meta.json"))
	if err != nil {
		return nil, fmt.Errorf("ner: no model for language %q: %w", lang, err)
	}
	var meta Meta
	if err := json.Unmarshal(js, &meta); err != nil {
		return nil, fmt.Errorf("%w: meta.json: %v", errFormat, err)
	}
	if meta.Format != modelFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", errFormat, meta.Format, modelFormat)
	}
	var res *resources
	if nr, _ := meta.Options["no_resources"].(bool); !nr {
		sub, err := fs.Sub(fsys, "data")
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		if res, err = loadResources(sub, lang); err != nil {
			return nil, err
		}
	}
	df, _ := meta.Options["domain_features"].(bool)
	m := newModel(lang, res, df)
	if !slices.Equal(m.Labels, meta.Labels) || !slices.Equal(m.Domains, meta.Domains) {
		return nil, fmt.Errorf("%w: labels or domains differ from this version's", errFormat)
	}
	m.Meta = meta
	m.confA, m.confB = meta.ConfA, meta.ConfB
	if ob, ok := meta.Options["o_bias"].(float64); ok {
		m.oBias = float32(ob)
	}
	f, err := fsys.Open(path.Join("models", lang, "model.bin.gz"))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	if err := m.readWeights(f); err != nil {
		return nil, err
	}
	m.index()
	if tp, _ := meta.Options["two_pass"].(bool); tp {
		s1 := newModel(lang, res, df)
		s1.oBias = m.oBias
		f1, err := fsys.Open(path.Join("models", lang, "stage1.bin.gz"))
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		defer f1.Close()
		if err := s1.readWeights(f1); err != nil {
			return nil, fmt.Errorf("stage1: %w", err)
		}
		s1.index()
		m.stage1 = s1
	}
	return m, nil
}

var (
	loadMu sync.Mutex
	loaded = map[string]*loadOnce{}
)

type loadOnce struct {
	once sync.Once
	m    *Model
	err  error
}

// Load returns the embedded model of a language ("de" or "en"), reading
// it on first use; later calls return the same model. Safe for concurrent
// use.
func Load(lang string) (*Model, error) {
	loadMu.Lock()
	l, ok := loaded[lang]
	if !ok {
		l = &loadOnce{}
		loaded[lang] = l
	}
	loadMu.Unlock()
	l.once.Do(func() { l.m, l.err = LoadFS(embedded, lang) })
	return l.m, l.err
}
