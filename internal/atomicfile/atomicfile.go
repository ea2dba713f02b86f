// Package atomicfile writes a file so that it appears under its name
// complete or not at all: the data goes to a temporary file in the same
// directory, which Commit syncs and renames over the target. A run that
// fails or is interrupted leaves at most a hidden temporary file, never a
// partial file under the final name.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is a file being written. It is an io.Writer. Use it as
//
//	f, err := atomicfile.Create(path, 0o644)
//	if err != nil { … }
//	defer f.Close() // removes the temporary file unless committed
//	… write …
//	return f.Commit()
type File struct {
	tmp  *os.File
	path string
	perm os.FileMode
	err  error // first write error
	done bool
	cerr error // result of Commit, Abort or the first Close
}

// ErrClosed is returned by Write and Commit after the file was
// committed, aborted or closed.
var ErrClosed = errors.New("atomicfile: file already committed or aborted")

// Create starts writing path. The temporary file is created in path's
// directory, so the final rename stays on one file system; perm is
// applied to it before the rename (the umask is not).
func Create(path string, perm os.FileMode) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return &File{tmp: tmp, path: path, perm: perm}, nil
}

// Name returns the final path.
func (f *File) Name() string { return f.path }

// Write writes to the temporary file. The first error is kept and
// returned again by Commit.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, ErrClosed
	}
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.tmp.Write(p)
	if err != nil {
		f.err = err
	}
	return n, err
}

// Commit syncs the temporary file, gives it its permissions, closes it
// and renames it to the final path, then syncs the directory. On any
// error, including an earlier Write error, the temporary file is removed
// and the target is left as it was.
func (f *File) Commit() error {
	if f.done {
		if f.cerr != nil {
			return f.cerr
		}
		return ErrClosed
	}
	f.done = true
	err := f.err
	if err == nil {
		err = f.tmp.Sync()
	}
	if err == nil {
		err = f.tmp.Chmod(f.perm)
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		f.cerr = fmt.Errorf("atomicfile: writing %s: %w", f.path, err)
		return f.cerr
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// syncDir makes the rename durable where the platform allows it; a
// failure only weakens durability after a crash, so it is not reported.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// Abort discards the temporary file. After Commit it does nothing.
func (f *File) Abort() error {
	if f.done {
		return f.cerr
	}
	f.done = true
	err := f.tmp.Close()
	if rerr := os.Remove(f.tmp.Name()); err == nil {
		err = rerr
	}
	if err != nil {
		f.cerr = fmt.Errorf("atomicfile: discarding %s: %w", f.tmp.Name(), err)
	}
	return f.cerr
}

// Close aborts the file unless it was committed, and returns the first
// error of Commit, Abort or Close: safe to defer after a Commit.
func (f *File) Close() error { return f.Abort() }
