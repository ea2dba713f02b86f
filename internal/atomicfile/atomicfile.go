// Package atomicfile writes a file so that it appears under its name
// complete or not at all: the data goes to a temporary file in the same
// directory, which Commit syncs and renames over the target. A run that
// fails or is interrupted leaves at most a hidden temporary file, never a
// partial file under the final name.
//
// A path that names something other than a regular file or directory — a
// device like /dev/null or /dev/stdout, a named pipe — is written in
// place: there is nothing to rename over, and replacing a device node
// with a regular file would break it for everyone.
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
	dev  bool // tmp is path itself: a device or pipe, written in place
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
//
// Errors name path, not the temporary file: "create out/scored.csv: not
// a directory", "write scored.csv: no space left on device".
func Create(path string, perm os.FileMode) (*File, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		dev, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{tmp: dev, path: path, perm: perm, dev: true}, nil
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &os.PathError{Op: "create", Path: path, Err: err}
	}
	return &File{tmp: tmp, path: path, perm: perm}, nil
}

// retarget makes an error about the temporary file name the final path:
// that is the file the user asked for.
func (f *File) retarget(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return &os.PathError{Op: pe.Op, Path: f.path, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &os.PathError{Op: le.Op, Path: f.path, Err: le.Err}
	}
	return err
}

// InPlace reports whether the path is a device or pipe written in place,
// where a failed write cannot be taken back.
func (f *File) InPlace() bool { return f.dev }

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
		f.err = f.retarget(err)
	}
	return n, f.err
}

// Commit syncs the temporary file, gives it its permissions, closes it
// and renames it to the final path, then syncs the directory. On any
// error, including an earlier Write error, the temporary file is removed
// and the target is left as it was. A device or pipe is only closed.
func (f *File) Commit() error {
	if f.done {
		if f.cerr != nil {
			return f.cerr
		}
		return ErrClosed
	}
	f.done = true
	if f.dev {
		err := f.err
		if cerr := f.tmp.Close(); err == nil && cerr != nil {
			err = f.retarget(cerr)
		}
		f.cerr = err
		return err
	}
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
		f.cerr = f.retarget(err)
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
	if f.dev {
		return nil // what was written to a device or pipe is gone already
	}
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
