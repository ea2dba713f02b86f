package demo

import (
	"bytes"
	"fmt"
	"io"
	"time"
)

// WriteReadme writes README.txt to w: what the sample is, how it was
// drawn, the truth behind it and its headline numbers.
func (s *Sample) WriteReadme(w io.Writer) error {
	var b bytes.Buffer
	t := &s.Truth
	st := &s.Settings
	sm := s.summarize()
	date := func(t time.Time) string { return t.Format(time.DateOnly) }
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("icpkit demo sample\n")
	p("==================\n\n")
	p("A generated B2B CRM with a known ground truth, made by `icp-report generate`\n")
	p("(package internal/demo). Nothing here is real: companies, people and deals\n")
	p("are drawn at random from the process below. The same settings always give\n")
	p("the same files, byte for byte.\n\n")
	p("Settings: seed %d, %d accounts, deals closing %s to %s,\n", st.Seed, st.Accounts, date(st.Start), date(st.End))
	p("%d open deals, as of %s.\n\n", st.OpenDeals, date(s.AsOf))

	p("Files\n-----\n\n")
	p("accounts.csv       one row per account: firmographics, tech stack, events,\n")
	p("                   decision-making, is_competitor\n")
	p("opportunities.csv  one row per deal: dates, stage, outcome (won/lost/open),\n")
	p("                   amount (annual contract value, USD), source, owner, and\n")
	p("                   icp_score_at_creation, the reference model's score of the\n")
	p("                   account as of the created date\n")
	p("customers.csv      one row per account with a won deal: start and churn\n")
	p("                   dates, start and current ARR (0 once churned), CAC, gross\n")
	p("                   margin\n\n")
	p("Dates are YYYY-MM-DD. An empty cell means unknown: about 10%% of every\n")
	p("attribute is, as in a real CRM. Lists are joined with \"; \". Triggers and\n")
	p("engagement are kind@date; intent is topic:strength@date (the provider,\n")
	p("Bombora, G2 or TrustRadius, is not written). Flags are yes/no. Industries,\n")
	p("countries, regions and tools are spelt the ways CRMs spell them (\"SaaS\",\n")
	p("\"Fintech\", \"USA\", \"UK\", \"hubspot\"); the reference model's aliases cover\n")
	p("the ones it scores.\n\n")

	p("Process\n-------\n\n")
	p("Accounts. Employees are log-normal (median 180, 5 to 20,000); revenue is\n")
	p("employees times an industry's revenue per head, with noise. Industry mix:\n")
	p("Software 22%%, Financial Services 14%%, Professional Services 12%%,\n")
	p("Healthcare 12%%, Manufacturing 12%%, Retail 10%%, Logistics 10%%, Education 8%%.\n")
	p("Funding stage follows size; headcount growth follows funding. %g%% of the\n", 100*segmentShare)
	p("accounts are drawn into the out-of-ICP segment below; %g%% are\n", 100*competitorShare)
	p("competitors (is_competitor = yes). Every account has background trigger,\n")
	p("intent and engagement events over the two years before Start and the\n")
	p("period itself.\n\n")
	p("Deals. %g closed deals per account, spread over the accounts with more\n", closedPerAccount)
	p("to those that look like the ICP (sales works them harder). Close dates\n")
	p("grow 60%% over the period and bunch at quarter ends; the sales cycle is 20\n")
	p("to 200 days, longer for big companies and 45 days longer at Series D+ and\n")
	p("public ones. %g%% of deals follow a trigger event %d to %d days before they\n", 100*dealTriggerShare, triggerLeadMin, triggerLeadMax)
	p("were created, half follow intent signals, all follow engagement: scored as\n")
	p("of the created date, the model sees what led to the deal and nothing later.\n")
	p("Amounts grow with head count. %g%% of deals are inbound. Open deals were\n", 100*inboundShare)
	p("created in the last 300 days; some have not moved for over 180 days.\n\n")
	p("Outcomes. Each deal's account is scored with the reference model as of the\n")
	p("created date; x_j = points_j / max_j for each criterion j (0 when the\n")
	p("attribute is unknown). A deal is won with probability\n\n")
	p("    P(won) = 1 / (1 + exp(-(b0 + sum_j b_j x_j)))\n\n")
	p("with these true effects (log-odds per unit of x):\n\n")
	p("    %-16s %7s %7s\n", "criterion", "points", "effect")
	for i, c := range reference().Criteria(0) {
		p("    %-16s %7g %7.2f\n", t.Criteria[i], c.Max, t.Effects[t.Criteria[i]])
	}
	p("    %-16s %7s %7.4f  (solved so the mean true win probability is %.0f%%)\n\n", "intercept b0", "", t.Intercept, 100*t.WinRate)
	p("Geography and funding stage have no effect: a calibration should move\n")
	p("their points to the criteria that predict wins. Three things break the\n")
	p("logistic model on purpose:\n\n")
	p("  - Unexpected wins outside the ICP: %s win\n", t.OutOfICPSegment)
	p("    %.0f%% of their deals though they score low, and as customers they retain\n", 100*t.OutOfICPWinRate)
	p("    and expand like ICP customers.\n")
	p("  - A declining tier: %s deals closing on or after %s\n", t.DecliningTier, date(t.DeclineFrom))
	p("    (the last two quarters) win %.0f points less: a competitor\n", 100*t.DeclineDrop)
	p("    repositioned.\n")
	p("  - Disqualified accounts (fewer than 10 employees, competitors) win %.0f%%.\n\n", 100*t.DisqualifiedWinRate)
	p("Outcomes are drawn by systematic sampling: within each rule, tier and\n")
	p("period, deals are ordered by their x and a grid with a random offset over\n")
	p("their summed probabilities picks the winners. Each deal still wins with\n")
	p("exactly its probability, but wins match their expectation in every group\n")
	p("to within a deal or so, so the planted patterns show at their planted size.\n")
	p("A calibration on every closed deal finds company size and industry weaker\n")
	p("than the truth: the out-of-ICP segment earns neither and wins.\n\n")
	r := &t.Retention
	p("Customers. One per account with a won deal, starting on the first win's\n")
	p("close date with its amount as ARR; later wins add a quarter of theirs (upsells). A customer is\n")
	p("fit when its first win scored %d or more (Tier 1 or 2) or it is in the\n", fitMinScore)
	p("out-of-ICP segment. Fit customers churn within 90 days %.0f%% of the time\n", 100*r.FitEarlyChurn)
	p("(others %.0f%%), then at %.1f%% a month (others %.1f%%); ARR grows %.0f%% a\n", 100*r.OtherEarlyChurn, 100*r.FitMonthlyChurn, 100*r.OtherMonthlyChurn, 100*r.FitExpansion)
	p("year (others %.0f%%, sd %.0f points). CAC is 0.5 to 1.3 times the first\n", 100*r.OtherExpansion, 100*r.ExpansionSD)
	p("deal's amount, 25%% more when prospected; gross margin 60%% to 85%%.\n\n")

	p("Headline numbers\n----------------\n\n")
	p("Accounts %d; deals %d closed, %d open; won %d (win rate %.1f%%).\n",
		sm.accounts, sm.closed, sm.open, sm.won, 100*count{sm.closed, sm.won}.rate())
	p("Win rate by tier at creation (closed before %s / from it on):\n\n", date(t.DeclineFrom))
	p("    %-13s %6s %8s %8s %8s\n", "tier", "deals", "win", "before", "after")
	for _, tc := range sm.tiers {
		a := tc.all()
		p("    %-13s %6d %7.1f%% %7.1f%% %7.1f%%\n", tc.name, a.n, 100*a.rate(), 100*tc.early.rate(), 100*tc.late.rate())
	}
	p("\nOut-of-ICP segment: %d closed deals, win rate %.1f%%.\n", sm.segment.n, 100*sm.segment.rate())
	p("Customers %d, churned %d; start ARR %.0f, current ARR %.0f.\n", sm.customers, sm.churned, sm.startARR, sm.currentARR)
	_, err := w.Write(b.Bytes())
	return err
}
