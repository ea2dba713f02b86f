package main

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestREADMETour runs every `$ icp-report …` line of the README's tour in
// order, in one temporary directory, and checks that each output line the
// README shows under a command is what the command prints. The README
// stays true at every commit.
func TestREADMETour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole tour")
	}
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type step struct {
		args []string
		want []string
	}
	var steps []step
	inBlock, cur := false, -1 // cur: the step whose output the block shows
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			cur = -1
			continue
		}
		if !inBlock {
			continue
		}
		if cmd, ok := strings.CutPrefix(line, "$ icp-report "); ok {
			steps = append(steps, step{args: strings.Fields(cmd)})
			cur = len(steps) - 1
			continue
		}
		if cur >= 0 && strings.TrimSpace(line) != "" {
			steps[cur].want = append(steps[cur].want, line)
		}
	}
	if len(steps) < 6 {
		t.Fatalf("found %d tour commands in README.md; want the whole tour", len(steps))
	}
	dir := t.TempDir()
	for _, s := range steps {
		stdout, stderr, code := icpReport(t, dir, s.args...)
		if code != 0 {
			t.Fatalf("icp-report %s: exit %d\n%s", strings.Join(s.args, " "), code, stderr)
		}
		got := stdout + stderr
		for _, w := range s.want {
			if !strings.Contains(got, strings.TrimRight(w, " ")) {
				t.Errorf("icp-report %s: output lacks the README's line\n  %q\ngot:\n%s", strings.Join(s.args, " "), w, got)
			}
		}
	}
}
