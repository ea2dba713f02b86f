package crm

// RowWriter writes table rows: the header first, then data rows. Close
// finishes the output (flushes the CSV, writes the workbook) but does not
// close the io.Writer underneath.
type RowWriter interface {
	Write(cells []string) error
	Close() error
}
