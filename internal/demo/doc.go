// Package demo draws a realistic sample B2B CRM whose ground truth is
// known: accounts, two years of opportunities and the customers they
// made, with the process that decided every outcome. `icp-report demo`
// scores, calibrates and reports on it, `icp-report generate` writes it as
// CSV, tests check that calibration recovers the truth, and the scale
// writers stream millions of rows for benchmarks.
//
// # Accounts
//
// Each account has every attribute the reference model (icp.Reference)
// reads, and more: employees (log-normal, median 180, 5 to 20,000),
// annual revenue (employees × the industry's revenue per head, with
// noise), industry (Software, Financial Services, Professional Services,
// Healthcare, Retail, Manufacturing, Education, Logistics), country and
// region, tech stack (a CRM such as Salesforce, HubSpot or Pipedrive;
// Slack or legacy messaging; Zoom, Outreach, Gong, spreadsheets), funding
// stage (Bootstrapped to Public, following size), headcount growth (−0.3
// to 0.8, following funding), dated trigger events, intent signals and
// engagement, decision maker and champion identified, buyer title, and the
// custom flag is_competitor (1.5% are competitors). About 10% of every
// attribute is unknown, as in a real CRM. Categorical values are spelt as
// CRMs spell them: "SaaS", "Fintech", "USA", "UK", "hubspot", "SOFTWARE".
//
// # Opportunities
//
// 1.5 closed deals per account close between Settings.Start and End, with
// more deals at accounts that look like the ICP, deal flow growing 60%
// over the period and bunching at quarter ends. The sales cycle is 20 to
// 200 days, longer for big companies and at Series D+ and public ones.
// Amounts grow with head count. Settings.OpenDeals more are open on the
// as-of date, some without a stage change for over 180 days. Events are
// placed relative to each deal's created date: 40% of deals follow a
// trigger event 3 to 170 days before it, half follow intent, all follow
// engagement. Scored as of the created date, the model sees them, and
// nothing that happened later. Each opportunity records that score.
//
// # Outcomes
//
// Each deal's account is scored with the reference model as of the
// created date, and x_j = points_j / max_j is taken for each criterion
// (0 when the attribute is unknown). The deal is won with probability
//
//	P(won) = 1 / (1 + exp(−(b0 + Σ_j b_j x_j)))
//
// with strong effects for company size, industry and trigger event, a
// medium one for decision maker, a weak one for tech stack, and none for
// geography and funding stage, whose points a calibration should move
// elsewhere. The intercept b0 is solved so that the mean win probability
// of the closed deals is 30%. Three rules break the model on purpose
// (Rule): a segment outside the ICP, Healthcare accounts of 1,000 to 5,000
// employees, wins 55% of its deals though it scores low; Tier 1 deals that
// close in the last two quarters win 15 points less, as if a competitor
// had repositioned; and deals with disqualified accounts win 3%. Truth
// holds the coefficients, the rules and each deal's x and probability.
//
// Outcomes are drawn by systematic sampling rather than one coin per
// deal: within each stratum (rule × tier × before or after the decline),
// deals are ordered by their x and lay their probabilities end to end, and
// a grid with a random offset picks the winners. Each deal is still won
// with exactly its probability, but the wins of every stratum and of every
// value of a criterion match their expectation to within a deal or so, so
// the planted patterns show at their planted size whatever the seed, and a
// criterion without an effect shows none. Calibrating on the deals the
// logistic rule decides (Sample.ClosedBy) recovers the coefficients; on all
// closed deals, the out-of-ICP segment pulls company size and industry
// toward zero, as such a segment would in real data.
//
// # Customers
//
// Each account with a won deal is a customer from its first win, with that
// deal's amount as starting ARR; later wins add to it. Customers whose
// first win scored Tier 1 or 2, and those in the out-of-ICP segment,
// churn less (early churn within 90 days 2% against 8%, then 1% a month
// against 3%) and expand more (15% a year against 3%; a later win adds a quarter of its amount as an upsell). CAC and gross
// margin (60% to 85%) complete the finance view.
//
// # Determinism
//
// Every phase draws from its own PCG stream (math/rand/v2) seeded from
// Settings.Seed; nothing depends on the clock or on map order. The same
// Settings give the same Sample and the same CSV bytes.
package demo
