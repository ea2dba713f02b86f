package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// env is what every command may touch: its streams and whether stderr is a
// terminal (progress bars only then).
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	tty    bool

	// info receives summaries (rows read, files written): stderr, or
	// nothing with --quiet. Errors always go to stderr.
	info  io.Writer
	quiet bool
}

// run is the whole command: main only calls it and sets the exit code.
// Errors are printed to stderr as "icp-report: …".
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, tty: isTerminal(stderr), info: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil {
		if isUsage(err) {
			err = &usageError{err}
		}
		msg := err.Error()
		if ue, ok := err.(*usageError); ok {
			msg += "\nrun 'icp-report help' for usage"
			_ = ue
		}
		fmt.Fprintf(stderr, "icp-report: %s\n", msg)
	}
	return err
}

// isUsage recognises cobra's own argument and flag errors.
func isUsage(err error) bool {
	if _, ok := err.(*usageError); ok {
		return true
	}
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "required flag", "invalid argument", "flag needs an argument", "bad flag syntax"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "icp-report",
		Short: "Score leads with an ICP model, check it against won/lost deals, report by tier",
		Long: `icp-report turns an Ideal Customer Profile into a points model you can
run: score every lead and deal, route it, calibrate the points against
closed-won/lost deals, and write the quarterly ICP review and finance
cohort workbook.

Start with the demo, which needs no files:

  icp-report demo

Then make your own model and use it:

  icp-report init icp.yaml
  icp-report validate icp.yaml
  icp-report score --model icp.yaml --in leads.csv --out scored.csv
  icp-report calibrate --model icp.yaml --deals deals.csv
  icp-report report --model icp.yaml --deals deals.csv --out review/`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{err} })
	root.PersistentFlags().BoolVarP(&e.quiet, "quiet", "q", false, "print no summaries or progress on stderr (errors still)")
	root.PersistentPreRun = func(*cobra.Command, []string) {
		if e.quiet {
			e.info, e.tty = io.Discard, false
		}
	}
	root.AddCommand(
		newInit(e),
		newValidate(e),
		newScore(e),
		newCalibrate(e),
		newDiscover(e),
		newReport(e),
		newDemo(e),
		newGenerate(e),
		newVersion(e),
	)
	return root
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
