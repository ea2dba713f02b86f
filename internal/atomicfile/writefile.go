package atomicfile

import "os"

// WriteFile writes data to path the way os.WriteFile does, but atomically:
// the file appears complete or not at all.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
