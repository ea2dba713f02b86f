package crm

import (
	"strconv"
)

// RejectsWriter writes rejected rows so that a user can fix them and
// import the file again: the original header followed by a "line" and a
// "reason" column ("reject_line", "reject_reason" when the header already
// has those names). Cells are written as they were read; a short row is
// padded to the header, and the extra cells of a long row follow the
// reason, so nothing is lost.
type RejectsWriter struct {
	w      RowWriter
	header []string
	wrote  bool
	buf    []string
}

// NewRejectsWriter writes rejects of a table with the given header to w,
// usually a CSVWriter.
func NewRejectsWriter(w RowWriter, header []string) *RejectsWriter {
	h := append([]string(nil), header...)
	taken := make(map[string]bool, len(h))
	for _, c := range h {
		taken[normalize(c)] = true
	}
	for _, name := range []string{"line", "reason"} {
		n := name
		for i := 2; taken[normalize(n)]; i++ {
			n = "reject_" + name
			if i > 2 {
				n += strconv.Itoa(i - 1)
			}
		}
		taken[normalize(n)] = true
		h = append(h, n)
	}
	return &RejectsWriter{w: w, header: h}
}

func (r *RejectsWriter) writeHeader() error {
	if r.wrote {
		return nil
	}
	r.wrote = true
	return r.w.Write(r.header)
}

// Write writes one reject, after the header on the first call.
func (r *RejectsWriter) Write(rej Reject) error {
	if err := r.writeHeader(); err != nil {
		return err
	}
	n := len(r.header) - 2
	r.buf = append(r.buf[:0], rej.Cells[:min(n, len(rej.Cells))]...)
	for len(r.buf) < n {
		r.buf = append(r.buf, "")
	}
	reason := ""
	if rej.Err != nil {
		reason = rej.Err.Error()
	}
	r.buf = append(r.buf, strconv.Itoa(rej.Line), reason)
	if len(rej.Cells) > n {
		r.buf = append(r.buf, rej.Cells[n:]...)
	}
	return r.w.Write(r.buf)
}

// Close writes the header if no reject was written, then closes the
// RowWriter.
func (r *RejectsWriter) Close() error {
	err := r.writeHeader()
	if cerr := r.w.Close(); err == nil {
		err = cerr
	}
	return err
}
