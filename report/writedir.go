package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File names WriteDir uses.
const (
	WorkbookFile = "icp-report.xlsx"
	SummaryFile  = "summary.json"
)

// WriteDir writes the review into dir, which must exist: the workbook
// (WorkbookFile), one PNG per chart (Chart.Name + ".png") and the
// summary (SummaryFile). Each file is written to a temporary file in dir
// and renamed once every file is complete, so an error leaves no partial
// file under a final name (and removes the temporary files).
func WriteDir(dir string, r *Report) (err error) {
	type job struct {
		name  string
		write func(io.Writer) error
	}
	jobs := []job{{WorkbookFile, r.WriteXLSX}}
	for _, c := range r.Charts() {
		jobs = append(jobs, job{c.Name + ".png", func(w io.Writer) error { return r.WritePNG(w, c.Name) }})
	}
	jobs = append(jobs, job{SummaryFile, r.Summary().writeJSON})

	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, j := range jobs {
		tmp, err := writeTemp(dir, j.name, j.write)
		if tmp != "" {
			temps = append(temps, tmp)
		}
		if err != nil {
			return fmt.Errorf("report: write %s: %w", filepath.Join(dir, j.name), err)
		}
	}
	for i, j := range jobs {
		if err := os.Rename(temps[i], filepath.Join(dir, j.name)); err != nil {
			return fmt.Errorf("report: write %s: %w", filepath.Join(dir, j.name), err)
		}
	}
	return nil
}

// writeTemp writes a temporary file next to name's final place and
// returns its path; the first Close error is kept.
func writeTemp(dir, name string, write func(io.Writer) error) (path string, err error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", err
	}
	path = f.Name()
	if err := write(f); err != nil {
		return path, errors.Join(err, f.Close())
	}
	if err := f.Sync(); err != nil {
		return path, errors.Join(err, f.Close())
	}
	if err := f.Close(); err != nil {
		return path, err
	}
	return path, os.Chmod(path, 0o644)
}
