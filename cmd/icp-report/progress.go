package main

import (
	"github.com/schollz/progressbar/v3"
)

// stage shows progress through a fixed number of steps on stderr, only
// when stderr is a terminal; otherwise it is silent.
type stage struct {
	bar *progressbar.ProgressBar
}

func newStage(e *env, steps int) *stage {
	if !e.tty {
		return &stage{}
	}
	return &stage{bar: progressbar.NewOptions(steps, progressbar.OptionSetWriter(e.stderr), progressbar.OptionClearOnFinish(), progressbar.OptionShowCount())}
}

func (s *stage) step(what string) {
	if s.bar == nil {
		return
	}
	s.bar.Describe(what)
	s.bar.Add(1)
}

func (s *stage) done() {
	if s.bar != nil {
		s.bar.Finish()
	}
}

// rowBar counts rows or bytes of long work.
func newBytesBar(e *env, total int64, what string) *progressbar.ProgressBar {
	if !e.tty {
		return nil
	}
	return progressbar.NewOptions64(total, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription(what), progressbar.OptionShowBytes(true), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
}
