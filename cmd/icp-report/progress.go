package main

import (
	"github.com/schollz/progressbar/v3"
	"io"
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

// newBytesBar counts the bytes of an input read.
func newBytesBar(w io.Writer, total int64, what string) *progressbar.ProgressBar {
	return progressbar.NewOptions64(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what), progressbar.OptionShowBytes(true), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
}

// withProgress sets in to show reading progress when stderr is a terminal,
// and returns the function that closes its inputs.
func withProgress(e *env, in *inputFlags) func() {
	if e.tty {
		in.progress = e.stderr
	}
	return in.closeInputs
}
