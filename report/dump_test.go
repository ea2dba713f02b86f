package report_test

import (
	"flag"
	"testing"

	"github.com/icpkit/icpkit/report"
)

var writeDir = flag.String("write-dir", "", "write the test review (workbook, charts, summary) into this directory, to look at")

// TestWriteSample writes the test review for a person to look at:
//
//	go test ./report -run TestWriteSample -write-dir /tmp/review
func TestWriteSample(t *testing.T) {
	if *writeDir == "" {
		t.Skip("no -write-dir")
	}
	r, err := report.Build(testInput(nil), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if err := report.WriteDir(*writeDir, r); err != nil {
		t.Fatal(err)
	}
}
