package crm

import (
	"fmt"
	"maps"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// Unjoined is an opportunity Join could not match to an account, with
// why: a *ParseError wrapping ErrNoAccount or ErrAmbiguousAccount,
// positioned at the opportunity's line.
type Unjoined struct {
	Opportunity icp.Opportunity
	Err         error
}

// Join fills each opportunity's Prospect from its account. The account is
// found by id (the deal row's account id, else its Account key), else by
// name, compared case-insensitively with surrounding space ignored; a
// Salesforce 18-character id also matches its 15-character form.
// Attributes the deal row itself carries (known numbers, non-empty
// strings, non-nil slices, known flags and channels, custom entries, set
// times) win over the account's.
//
// Matched opportunities come back in input order; the others are
// returned in unjoined, in input order, for the caller to drop, keep or
// report. Neither argument is modified; the results share no slices or
// maps with the accounts.
func Join(opps []icp.Opportunity, accounts []icp.Prospect) (joined []icp.Opportunity, unjoined []Unjoined) {
	byID := make(map[string]int, len(accounts))
	byName := make(map[string][]int, len(accounts))
	for i, a := range accounts {
		if a.ID != "" {
			if _, dup := byID[a.ID]; !dup {
				byID[a.ID] = i
			}
			if k := sfShortID(a.ID); k != a.ID {
				if _, dup := byID[k]; !dup {
					byID[k] = i
				}
			}
		}
		if n := nameKey(a.Name); n != "" {
			byName[n] = append(byName[n], i)
		}
	}
	for _, o := range opps {
		id := o.Prospect.ID
		if id == "" {
			id = o.Account
		}
		name := o.Prospect.Name
		if name == "" {
			name = o.Account
		}
		i, ok := byID[id]
		if !ok {
			i, ok = byID[sfShortID(id)]
		}
		if !ok {
			switch m := byName[nameKey(name)]; len(m) {
			case 0:
			case 1:
				i, ok = m[0], true
			default:
				unjoined = append(unjoined, Unjoined{Opportunity: o, Err: &ParseError{Line: o.Line, Field: "account_name", Value: name,
					Err: fmt.Errorf("%w (%d accounts)", ErrAmbiguousAccount, len(m))}})
				continue
			}
		}
		if !ok {
			f, v := "account_id", id
			if o.Prospect.ID == "" && o.Prospect.Name != "" {
				f, v = "account_name", name
			}
			unjoined = append(unjoined, Unjoined{Opportunity: o, Err: &ParseError{Line: o.Line, Field: f, Value: v, Err: ErrNoAccount}})
			continue
		}
		o.Prospect = overlay(accounts[i].Clone(), o.Prospect)
		joined = append(joined, o)
	}
	return joined, unjoined
}

func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// sfShortID returns the 15-character case-sensitive form of an
// 18-character Salesforce id, or id itself.
func sfShortID(id string) string {
	if len(id) != 18 {
		return id
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return id
		}
	}
	return id[:15]
}

// overlay returns base with every attribute deal has set taken from
// deal. The account's own id and name stay: they are keys, not attributes.
func overlay(base, deal icp.Prospect) icp.Prospect {
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	num := func(dst *icp.Number, v icp.Number) {
		if v.Known {
			*dst = v
		}
	}
	flag := func(dst *icp.Flag, v icp.Flag) {
		if v != icp.Unknown {
			*dst = v
		}
	}
	if base.ID == "" {
		base.ID = deal.ID
	}
	if base.Name == "" {
		base.Name = deal.Name
	}
	num(&base.Employees, deal.Employees)
	num(&base.AnnualRevenue, deal.AnnualRevenue)
	str(&base.Industry, deal.Industry)
	str(&base.Country, deal.Country)
	str(&base.Region, deal.Region)
	if deal.TechStack != nil {
		base.TechStack = cloneSlice(deal.TechStack)
	}
	str(&base.FundingStage, deal.FundingStage)
	num(&base.HeadcountGrowth, deal.HeadcountGrowth)
	if deal.Triggers != nil {
		base.Triggers = cloneSlice(deal.Triggers)
	}
	if deal.Intent != nil {
		base.Intent = cloneSlice(deal.Intent)
	}
	if deal.Engagement != nil {
		base.Engagement = cloneSlice(deal.Engagement)
	}
	flag(&base.DecisionMaker, deal.DecisionMaker)
	flag(&base.Champion, deal.Champion)
	str(&base.BuyerTitle, deal.BuyerTitle)
	if len(deal.Custom) > 0 {
		if base.Custom == nil {
			base.Custom = make(map[string]icp.Value, len(deal.Custom))
		}
		maps.Copy(base.Custom, deal.Custom)
	}
	if deal.Channel != icp.ChannelUnknown {
		base.Channel = deal.Channel
	}
	if !deal.Opened.IsZero() {
		base.Opened = deal.Opened
	}
	if !deal.ScoredAt.IsZero() {
		base.ScoredAt = deal.ScoredAt
	}
	if !deal.LastStageChange.IsZero() {
		base.LastStageChange = deal.LastStageChange
	}
	return base
}
