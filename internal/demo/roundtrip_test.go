package demo_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/icpkit/icpkit/icp"
)

// TestCSVRoundTrip reads accounts.csv back with a minimal reader of the
// documented cell formats and checks that it holds the sample's accounts
// (all but intent providers, which the format does not carry), and that
// scoring the read accounts as of each deal's created date gives the
// icp_score_at_creation of opportunities.csv.
func TestCSVRoundTrip(t *testing.T) {
	var ab, ob bytes.Buffer
	if err := sample.WriteAccounts(&ab); err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteOpportunities(&ob); err != nil {
		t.Fatal(err)
	}
	accts, err := csv.NewReader(&ab).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*icp.Prospect{}
	var got []icp.Prospect
	for _, r := range accts[1:] {
		got = append(got, readAccount(t, r))
	}
	for i := range got {
		byID[got[i].ID] = &got[i]
	}
	if diff := cmp.Diff(sample.Accounts, got, cmpopts.IgnoreFields(icp.Event{}, "Source")); diff != "" {
		t.Fatalf("accounts.csv read back (-sample +read):\n%s", diff)
	}

	opps, err := csv.NewReader(&ob).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	m := icp.Reference()
	for _, r := range opps[1:] {
		p := byID[r[1]]
		created := readDate(t, r[3])
		want, err := strconv.ParseFloat(r[11], 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Score(p, created).Score; got != want {
			t.Errorf("deal %s: Score(%s, %s) = %v; want icp_score_at_creation %v", r[0], r[1], r[3], got, want)
		}
	}
}

func readAccount(t *testing.T, r []string) icp.Prospect {
	t.Helper()
	num := func(s string) icp.Number {
		if s == "" {
			return icp.Number{}
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return icp.Num(v)
	}
	flag := func(s string) icp.Flag {
		switch s {
		case "yes":
			return icp.Yes
		case "no":
			return icp.No
		}
		return icp.Unknown
	}
	list := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "; ")
	}
	events := func(s string, intent bool) []icp.Event {
		var evs []icp.Event
		for _, item := range list(s) {
			what, date, _ := strings.Cut(item, "@")
			e := icp.Event{Kind: what, Date: readDate(t, date)}
			if intent {
				topic, strength, _ := strings.Cut(what, ":")
				e = icp.Event{Topic: topic, Strength: num(strength).Value, Date: e.Date}
			}
			evs = append(evs, e)
		}
		return evs
	}
	p := icp.Prospect{
		ID: r[0], Name: r[1], Employees: num(r[2]), AnnualRevenue: num(r[3]),
		Industry: r[4], Country: r[5], Region: r[6], TechStack: list(r[7]),
		FundingStage: r[8], HeadcountGrowth: num(r[9]),
		Triggers: events(r[10], false), Intent: events(r[11], true), Engagement: events(r[12], false),
		DecisionMaker: flag(r[13]), Champion: flag(r[14]), BuyerTitle: r[15],
	}
	if f := flag(r[16]); f != icp.Unknown {
		p.Custom = map[string]icp.Value{"is_competitor": icp.FlagValue(f == icp.Yes)}
	}
	return p
}

func readDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
