package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"
)

// crfTrainer fits the same linear-chain model as a conditional random
// field: stochastic gradient descent on the L2-regularised conditional
// log-likelihood, with forward-backward marginals (scaled, not in log
// space) and the learning-rate schedule of Bottou's SGD.
type crfTrainer struct {
	m      *Model
	L      int
	w      []float32 // stored weights; true weights are w*scale
	scale  float64
	trans  []float32
	lambda float64

	// scratch
	em, E, alpha, beta, z, T []float64
}

func (tr *crfTrainer) train(insts []instance, opt TrainOptions, rng *rand.Rand, log io.Writer) {
	N := float64(len(insts))
	tr.lambda = 2 * opt.C2 / N
	eta0 := opt.LearningRate
	if eta0 <= 0 {
		eta0 = 0.1
	}
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	t := 0.0
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		t0 := time.Now()
		var ll float64
		for _, k := range order {
			lr := eta0 / (1 + eta0*tr.lambda*t)
			t++
			ll += tr.step(&insts[k], lr)
			tr.scale *= 1 - lr*tr.lambda
			if tr.scale < 1e-9 {
				for i := range tr.w {
					tr.w[i] *= float32(tr.scale)
				}
				tr.scale = 1
			}
		}
		fmt.Fprintf(log, "ner: crf epoch %d: log-likelihood %.1f (%s)\n", ep+1, ll, time.Since(t0).Round(time.Millisecond))
	}
	for i := range tr.w {
		tr.w[i] *= float32(tr.scale)
	}
	tr.scale = 1
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// step makes one SGD step on one sentence and returns its log-likelihood.
func (tr *crfTrainer) step(in *instance, lr float64) float64 {
	L := tr.L
	n := len(in.gold)
	allow := tr.m.allowed[in.domain]
	tr.em = grow(tr.em, n*L)
	tr.E = grow(tr.E, n*L)
	tr.alpha = grow(tr.alpha, n*L)
	tr.beta = grow(tr.beta, n*L)
	tr.z = grow(tr.z, n)
	tr.T = grow(tr.T, (L+1)*L)
	for i, v := range tr.trans {
		if math.IsInf(float64(v), -1) {
			tr.T[i] = 0
		} else {
			tr.T[i] = math.Exp(float64(v))
		}
	}
	clear(tr.em)
	for t := 0; t < n; t++ {
		row := tr.em[t*L : t*L+L]
		for _, k := range in.feats[in.starts[t]:in.starts[t+1]] {
			wr := tr.w[int(k)*L : int(k)*L+L]
			for y := range row {
				row[y] += float64(wr[y])
			}
		}
		mx := math.Inf(-1)
		for y := range row {
			row[y] *= tr.scale
			if allow[y] && row[y] > mx {
				mx = row[y]
			}
		}
		for y := range row {
			if allow[y] {
				tr.E[t*L+y] = math.Exp(row[y] - mx)
			} else {
				tr.E[t*L+y] = 0
			}
		}
	}
	// Forward.
	var logZ float64
	for t := 0; t < n; t++ {
		a := tr.alpha[t*L : t*L+L]
		var z float64
		for c := 0; c < L; c++ {
			e := tr.E[t*L+c]
			if e == 0 {
				a[c] = 0
				continue
			}
			var s float64
			if t == 0 {
				s = tr.T[L*L+c]
			} else {
				prev := tr.alpha[(t-1)*L : t*L]
				for p := 0; p < L; p++ {
					s += prev[p] * tr.T[p*L+c]
				}
			}
			a[c] = s * e
			z += a[c]
		}
		if z == 0 {
			return 0 // no valid path: skip the sentence
		}
		for c := range a {
			a[c] /= z
		}
		tr.z[t] = z
		logZ += math.Log(z)
	}
	// Backward.
	for y := 0; y < L; y++ {
		tr.beta[(n-1)*L+y] = 1
	}
	for t := n - 2; t >= 0; t-- {
		b := tr.beta[t*L : t*L+L]
		nb := tr.beta[(t+1)*L : (t+2)*L]
		for p := 0; p < L; p++ {
			var s float64
			for c := 0; c < L; c++ {
				if e := tr.E[(t+1)*L+c]; e != 0 {
					s += tr.T[p*L+c] * e * nb[c]
				}
			}
			b[p] = s / tr.z[t+1]
		}
	}
	// Log-likelihood of the gold path (emissions relative to the same
	// per-token maxima, so logZ matches).
	var gold float64
	for t := 0; t < n; t++ {
		g := in.gold[t]
		gold += math.Log(tr.E[t*L+g] + 1e-300)
		if t == 0 {
			gold += math.Log(tr.T[L*L+g] + 1e-300)
		} else {
			gold += math.Log(tr.T[in.gold[t-1]*L+g] + 1e-300)
		}
	}
	// Gradient step: observed minus expected feature counts.
	inv := lr / tr.scale
	for t := 0; t < n; t++ {
		a := tr.alpha[t*L : t*L+L]
		b := tr.beta[t*L : t*L+L]
		g := in.gold[t]
		feats := in.feats[in.starts[t]:in.starts[t+1]]
		for y := 0; y < L; y++ {
			p := a[y] * b[y]
			d := -p
			if y == g {
				d += 1
			}
			if math.Abs(d) < 1e-3 {
				continue
			}
			u := float32(d * inv)
			for _, k := range feats {
				tr.w[int(k)*L+y] += u
			}
		}
		// Transitions.
		if t == 0 {
			for c := 0; c < L; c++ {
				d := -a[c] * b[c]
				if c == g {
					d += 1
				}
				tr.trans[L*L+c] += float32(lr * d)
			}
			continue
		}
		prev := tr.alpha[(t-1)*L : t*L]
		for p := 0; p < L; p++ {
			if prev[p] == 0 {
				continue
			}
			for c := 0; c < L; c++ {
				e := tr.E[t*L+c]
				if e == 0 || tr.T[p*L+c] == 0 {
					continue
				}
				pm := prev[p] * tr.T[p*L+c] * e * b[c] / tr.z[t]
				if pm > 1e-4 {
					tr.trans[p*L+c] -= float32(lr * pm)
				}
			}
		}
		tr.trans[in.gold[t-1]*L+g] += float32(lr)
	}
	return gold - logZ
}
