package icp

import "time"

// Outcome is the state of an opportunity.
type Outcome uint8

const (
	Open Outcome = iota
	Won
	Lost
)

var outcomeNames = [...]string{"open", "won", "lost"}

// String returns "open", "won" or "lost".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "open"
}

// Closed reports whether the outcome is Won or Lost.
func (o Outcome) Closed() bool { return o == Won || o == Lost }

// ParseOutcome reads the outcome forms CRM exports use, case-insensitively:
// won/lost/open, "Closed Won"/"Closed Lost", 1/0, true/false, yes/no.
// Open stages ("Prospecting", "Negotiation", …) are not recognised here: a
// caller that has a stage column decides that an unmatched stage is open.
func ParseOutcome(s string) (Outcome, bool) {
	switch foldASCII(s) {
	case "won", "closed won", "closedwon", "closed-won", "closed_won", "win", "1", "true", "yes", "y":
		return Won, true
	case "lost", "closed lost", "closedlost", "closed-lost", "closed_lost", "loss", "0", "false", "no", "n":
		return Lost, true
	case "open", "engaging", "prospecting", "pipeline", "in progress":
		return Open, true
	}
	return Open, false
}

// Opportunity is a deal: the account it is with, and how it went.
type Opportunity struct {
	ID              string
	Account         string // account id or name, the join key
	Prospect        Prospect
	Created         time.Time
	Closed          time.Time // zero while open
	Stage           string
	Outcome         Outcome
	Amount          Number
	Source          Channel // inbound or outbound origin
	Owner           string
	LastStageChange time.Time
	RecordedScore   Number // ICP score the CRM recorded at creation, if any
	RecordedTier    string
	Line            int // input line, for messages; 0 when not from a file
}

// Customer is an account that bought: the finance view of a won deal.
type Customer struct {
	Account     string
	Prospect    Prospect
	Start       time.Time
	Churn       time.Time // zero while active
	StartARR    Number
	CurrentARR  Number
	CAC         Number // acquisition cost, same currency as ARR
	GrossMargin Number // 0–1
	Line        int
}
