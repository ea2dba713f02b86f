package calibrate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/icp"
)

// The playbook's example: "If 14 out of 20 are in SaaS companies between
// 100-400 employees, that is your ICP." Fourteen best customers are
// software companies of 120 to 380 employees (spelt as CRMs spell them),
// six are elsewhere; discover must say 14 of 20 and a band holding them.
func TestDiscoverPlaybookExample(t *testing.T) {
	var best []icp.Prospect
	spell := []string{"Software", "SaaS", "software", "Software "}
	for i := 0; i < 14; i++ {
		best = append(best, icp.Prospect{Employees: icp.Num(float64(120 + 20*i)), Industry: spell[i%len(spell)], Country: "US", TechStack: []string{"Salesforce", "Slack"}})
	}
	others := []struct {
		emp float64
		ind string
	}{{30, "Retail"}, {2500, "Banking"}, {8, "Education"}, {900, "Logistics"}, {60, "Healthcare"}, {12000, "Manufacturing"}}
	for _, o := range others {
		best = append(best, icp.Prospect{Employees: icp.Num(o.emp), Industry: o.ind, Country: "Germany", TechStack: []string{"Excel"}})
	}
	d, err := calibrate.Discover(best)
	if err != nil {
		t.Fatal(err)
	}
	if d.Size == nil || d.Size.Lo > 120 || d.Size.Hi < 380 || d.Size.Count != 14 {
		t.Errorf("size range %+v; want a band holding the 14 customers of 120–380 employees", d.Size)
	}
	if len(d.Industries) == 0 || d.Industries[0].Value != "Software" || d.Industries[0].Count != 14 {
		t.Errorf("industries %+v; want Software first with all 14 spellings counted", d.Industries)
	}
	if !strings.HasPrefix(d.Headline, "14 of 20 are software companies with ") {
		t.Errorf("headline %q; want 14 of 20 software companies", d.Headline)
	}
	data, err := d.Spec.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m, err := icp.Parse("starter.yaml", data)
	if err != nil {
		t.Fatalf("the starter model does not parse: %v", err)
	}
	// A customer like the fourteen earns the size and industry points.
	r := m.Score(&best[0], time.Time{})
	for i, c := range m.Criteria(0) {
		if (c.Name == "company_size" || c.Name == "industry") && r.Criteria[i].State != icp.Matched {
			t.Errorf("%s: %v for a customer like the fourteen; want matched", c.Name, r.Criteria[i].State)
		}
	}
}

func TestDiscoverEmpty(t *testing.T) {
	if _, err := calibrate.Discover(nil); err != calibrate.ErrNoCustomers {
		t.Errorf("Discover(nil) error = %v; want ErrNoCustomers", err)
	}
}
