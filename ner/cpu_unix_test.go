//go:build unix

package ner

import "syscall"

// cpuSeconds is the CPU time (user + system) the process has used, so
// that benchmarks can report throughput per core on a busy machine.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
