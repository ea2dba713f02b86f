package demo

import (
	"fmt"
	"time"
)

// Settings says what sample Generate draws. The zero value of every field
// means its default, so Settings{} is DefaultSettings.
type Settings struct {
	// Seed selects the random streams; 0 means 1. The same Settings give
	// the same Sample and the same CSV bytes on every platform.
	Seed uint64

	// Accounts is the number of accounts; 0 means 3,000. Closed deals
	// number 1.5 per account.
	Accounts int

	// Start and End bound the close dates of the closed deals, both
	// inclusive, as UTC calendar days (a time of day is dropped). A zero
	// End means 2026-09-30; a zero Start means two years ending on End.
	// The sample's as-of date is the day after End.
	Start, End time.Time

	// OpenDeals is the number of opportunities still open on the as-of
	// date; 0 means one per five accounts, a negative number means none.
	OpenDeals int
}

// DefaultSettings are the settings the zero Settings stand for: seed 1,
// 3,000 accounts, deals closing from 2024-10-01 to 2026-09-30, 600 open
// deals, as of 2026-10-01.
var DefaultSettings = Settings{
	Seed:      1,
	Accounts:  3000,
	Start:     time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC),
	End:       time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
	OpenDeals: 600,
}

// resolve fills in defaults. It panics on settings no caller can mean:
// negative accounts, or a Start after End.
func (s Settings) resolve() Settings {
	if s.Seed == 0 {
		s.Seed = DefaultSettings.Seed
	}
	switch {
	case s.Accounts < 0:
		panic(fmt.Sprintf("demo: Settings.Accounts = %d < 0", s.Accounts))
	case s.Accounts == 0:
		s.Accounts = DefaultSettings.Accounts
	}
	if s.End.IsZero() {
		s.End = DefaultSettings.End
	}
	s.End = dayOf(s.End).time()
	if s.Start.IsZero() {
		s.Start = s.End.AddDate(-2, 0, 1)
	}
	s.Start = dayOf(s.Start).time()
	if s.Start.After(s.End) {
		panic(fmt.Sprintf("demo: Settings.Start %s after End %s", s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly)))
	}
	switch {
	case s.OpenDeals < 0:
		s.OpenDeals = 0
	case s.OpenDeals == 0:
		s.OpenDeals = s.Accounts / 5
	}
	return s
}
