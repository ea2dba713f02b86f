package crm

import (
	"fmt"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// trim removes surrounding white space; the common case, a cell with
// none, is inlined.
func trim(s string) string {
	// byte(c-'!') < 0x5f: c is printable ASCII other than space.
	if n := len(s); n > 0 && byte(s[0]-'!') < 0x5f && byte(s[n-1]-'!') < 0x5f {
		return s
	}
	return strings.TrimSpace(s)
}

// parseFlag reads yes/no, y/n, true/false, 1/0 (any case); unknown cells
// give icp.Unknown.
func parseFlag(s string) (icp.Flag, error) {
	switch s { // the usual spellings, without folding
	case "yes", "Yes", "YES", "true", "TRUE", "True", "1", "y", "Y":
		return icp.Yes, nil
	case "no", "No", "NO", "false", "FALSE", "False", "0", "n", "N":
		return icp.No, nil
	case "":
		return icp.Unknown, nil
	}
	s = trim(s)
	if isUnknown(s) {
		return icp.Unknown, nil
	}
	switch {
	case s == "1", strings.EqualFold(s, "yes"), strings.EqualFold(s, "y"), strings.EqualFold(s, "true"):
		return icp.Yes, nil
	case s == "0", strings.EqualFold(s, "no"), strings.EqualFold(s, "n"), strings.EqualFold(s, "false"):
		return icp.No, nil
	}
	return icp.Unknown, ErrNotFlag
}

// isListSep reports whether c separates the entries of a multi-valued cell.
func isListSep(c byte) bool { return c == ';' || c == '|' }

// nextEntry returns the next non-empty trimmed entry of a ';'/'|'
// separated cell and what is left after it.
func nextEntry(s string) (entry, rest string, ok bool) {
	for len(s) > 0 {
		i := 0
		for i < len(s) && !isListSep(s[i]) {
			i++
		}
		entry = trim(s[:i])
		if i < len(s) {
			s = s[i+1:]
		} else {
			s = ""
		}
		if entry != "" {
			return entry, s, true
		}
	}
	return "", "", false
}

// isNone reports whether a list cell says "known to be none".
func isNone(s string) bool { return strings.EqualFold(s, "none") }

// appendList appends the entries of the multi-valued cell s to dst[:0].
// It returns nil for an unknown cell and a non-nil empty slice for "none".
func appendList(dst []string, s string) []string {
	s = trim(s)
	if isUnknown(s) {
		return nil
	}
	dst = dst[:0]
	if dst == nil {
		dst = []string{}
	}
	if isNone(s) {
		return dst
	}
	for entry, rest, ok := nextEntry(s); ok; entry, rest, ok = nextEntry(rest) {
		dst = append(dst, entry)
	}
	if len(dst) == 0 {
		return nil // only separators: nothing said
	}
	return dst
}

// dateSettings carries what dates in a table need.
type dateSettings struct {
	order    DateOrder
	xlsx     bool
	date1904 bool
}

// appendEvents appends the entries of an event cell to dst[:0]:
//
//	kind[@date]                  triggers, engagement, custom events
//	topic[:strength][@date]      intent (strength 0–100)
//
// Entries are separated by ';' or '|'. It returns nil for an unknown cell
// and a non-nil empty slice for "none".
func appendEvents(dst []icp.Event, s string, intent bool, ds dateSettings) ([]icp.Event, error) {
	s = trim(s)
	if isUnknown(s) {
		return nil, nil
	}
	dst = dst[:0]
	if dst == nil {
		dst = []icp.Event{}
	}
	if isNone(s) {
		return dst, nil
	}
	for i := 0; i < len(s); {
		// One pass over the entry finds its end, its last '@' and the
		// last ':' before that.
		start, at, colon, colonAt := i, -1, -1, -1
		for ; i < len(s) && !isListSep(s[i]); i++ {
			switch s[i] {
			case '@':
				at, colonAt = i, colon
			case ':':
				colon = i
			}
		}
		entry, end := s[start:i], i
		i++
		if trim(entry) == "" {
			continue
		}
		var e icp.Event
		name := s[start:end]
		if at >= 0 {
			date := trim(s[at+1 : end])
			name, colon = s[start:at], colonAt
			t, err := parseDate(date, ds.order, false, false)
			if err != nil {
				return nil, fmt.Errorf("%w: entry %q: date %q %w", ErrBadEvent, trim(entry), date, err)
			}
			if t.IsZero() {
				return nil, fmt.Errorf("%w: entry %q: empty date after @", ErrBadEvent, trim(entry))
			}
			e.Date = t
		}
		if intent {
			if colon >= 0 {
				str := trim(s[colon+1 : start+len(name)])
				name = s[start:colon]
				v, known, pct, err := parseNum(str, false)
				switch {
				case err != nil:
					return nil, fmt.Errorf("%w: entry %q: strength %q %w", ErrBadEvent, trim(entry), str, err)
				case !known || pct || v < 0 || v > 100:
					return nil, fmt.Errorf("%w: entry %q: strength %q %w (0–100)", ErrBadEvent, trim(entry), str, ErrRange)
				}
				e.Strength = v
			}
			name = trim(name)
			e.Topic = name
		} else {
			name = trim(name)
			e.Kind = name
		}
		if name == "" {
			return nil, fmt.Errorf("%w: entry %q has no name", ErrBadEvent, trim(entry))
		}
		dst = append(dst, e)
	}
	if len(dst) == 0 {
		return nil, nil
	}
	return dst, nil
}

type channelName struct {
	name string
	ch   icp.Channel
}

// builtinChannels adds the lead sources Salesforce and HubSpot ship with
// to the names icp.ParseChannel knows.
var builtinChannels = []channelName{
	{"inbound", icp.Inbound}, {"outbound", icp.Outbound},
	{"web", icp.Inbound}, {"website", icp.Inbound}, {"inbound lead", icp.Inbound},
	{"demo request", icp.Inbound}, {"contact us", icp.Inbound}, {"trial", icp.Inbound},
	{"free trial", icp.Inbound}, {"phone inquiry", icp.Inbound}, {"organic search", icp.Inbound},
	{"paid search", icp.Inbound}, {"direct traffic", icp.Inbound}, {"social media", icp.Inbound},
	{"paid social", icp.Inbound}, {"email marketing", icp.Inbound}, {"referrals", icp.Inbound},
	{"in", icp.Inbound},
	{"out", icp.Outbound}, {"outbound prospecting", icp.Outbound}, {"cold", icp.Outbound},
	{"cold call", icp.Outbound}, {"cold email", icp.Outbound}, {"purchased list", icp.Outbound},
	{"sdr", icp.Outbound}, {"bdr", icp.Outbound}, {"prospecting", icp.Outbound},
	{"opportunity", icp.OpportunityStage}, {"opp", icp.OpportunityStage}, {"deal", icp.OpportunityStage},
	{"unknown", icp.ChannelUnknown},
}

// parseChannel reads a channel or lead source: the caller's names first,
// then the built-in ones. Values neither knows are ChannelUnknown: lead
// source picklists are free-form, and an unrecognised one is not an error.
func parseChannel(s string, custom []channelName) icp.Channel {
	if len(custom) == 0 {
		switch s { // the usual spellings, without folding
		case "inbound", "Inbound":
			return icp.Inbound
		case "outbound", "Outbound":
			return icp.Outbound
		case "":
			return icp.ChannelUnknown
		}
	}
	s = trim(s)
	if isUnknown(s) {
		return icp.ChannelUnknown
	}
	for _, c := range custom {
		if strings.EqualFold(s, c.name) {
			return c.ch
		}
	}
	for _, c := range builtinChannels {
		if len(c.name) == len(s) && strings.EqualFold(s, c.name) {
			return c.ch
		}
	}
	ch, _ := icp.ParseChannel(s)
	return ch
}
