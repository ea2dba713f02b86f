package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// leftovers lists the files in dir other than want.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for _, e := range entries {
		keep := false
		for _, w := range want {
			keep = keep || e.Name() == w
		}
		if !keep {
			extra = append(extra, e.Name())
		}
	}
	return extra
}

func TestCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write([]byte("new content")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("before Commit the target reads %q; want %q", got, "old")
	}
	if err := f.Commit(); err != nil {
		t.Fatalf("Commit() = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new content" {
		t.Errorf("after Commit the target reads %q; want %q", got, "new content")
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, %v; want 0644", fi.Mode().Perm(), err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("Close() after Commit = %v; want nil", err)
	}
	if _, err := f.Write([]byte("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write() after Commit = %v; want ErrClosed", err)
	}
	if extra := leftovers(t, dir, "out.csv"); extra != nil {
		t.Errorf("files left behind: %v", extra)
	}
}

func TestAbort(t *testing.T) {
	tests := []struct {
		name string
		stop func(*File) error
	}{
		{"Abort", (*File).Abort},
		{"Close", (*File).Close},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.csv")
			f, err := Create(path, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			f.Write([]byte("partial"))
			if err := tt.stop(f); err != nil {
				t.Fatalf("%s() = %v", tt.name, err)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("target exists after %s: %v", tt.name, err)
			}
			if extra := leftovers(t, dir); extra != nil {
				t.Errorf("files left behind: %v", extra)
			}
			if err := f.Commit(); !errors.Is(err, ErrClosed) {
				t.Errorf("Commit() after %s = %v; want ErrClosed", tt.name, err)
			}
		})
	}
}

func TestCommitFailureKeepsFirstError(t *testing.T) {
	dir := t.TempDir()
	// The target is a non-empty directory, so the rename fails.
	path := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(path, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("data"))
	err = f.Commit()
	if err == nil {
		t.Fatal("Commit() over a directory = nil; want an error")
	}
	if cerr := f.Close(); cerr != err {
		t.Errorf("Close() = %v; want the Commit error %v", cerr, err)
	}
	if extra := leftovers(t, dir, "out"); extra != nil {
		t.Errorf("files left behind: %v", extra)
	}
}

func TestCreateMissingDir(t *testing.T) {
	_, err := Create(filepath.Join(t.TempDir(), "no", "such", "out.csv"), 0o644)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Create() in a missing directory = %v; want ErrNotExist", err)
	}
}

// A device is written in place: renaming a regular file over /dev/null
// (which root may do) would replace the device for everyone.
func TestDevice(t *testing.T) {
	tests := []struct {
		path    string
		wantErr string // from Write or Commit
	}{
		{"/dev/null", ""},
		{"/dev/full", "write /dev/full: no space left on device"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			before, err := os.Stat(tt.path)
			if err != nil {
				t.Skipf("no %s: %v", tt.path, err)
			}
			f, err := Create(tt.path, 0o644)
			if err != nil {
				t.Fatalf("Create(%q) = %v", tt.path, err)
			}
			_, werr := f.Write([]byte("data\n"))
			err = f.Commit()
			if werr != nil && err != werr {
				t.Errorf("Commit() = %v; want the Write error %v", err, werr)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("writing %s: error %q; want %q", tt.path, got, tt.wantErr)
			}
			after, err := os.Stat(tt.path)
			if err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s is now %v (%v); want it left a %v", tt.path, after.Mode(), err, before.Mode())
			}
		})
	}
}

// Errors name the file the caller asked for, not the temporary file.
func TestErrorsNameTarget(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(file, "out.csv")
	_, err := Create(path, 0o644)
	if want := "create " + path + ": not a directory"; err == nil || err.Error() != want {
		t.Errorf("Create(%q) = %v; want %q", path, err, want)
	}
}
