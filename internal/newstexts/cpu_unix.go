//go:build unix

package newstexts

import (
	"syscall"
	"time"
)

// CPUTime returns the process's user and system CPU time, so benchmarks
// can report throughput per CPU second on a shared, loaded machine.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
