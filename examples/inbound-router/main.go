// Inbound-router shows icp inside an HTTP service: a demo-request form posts
// a lead, the handler scores it against the model and answers with the
// route in microseconds, so a Tier 1 lead reaches a rep within minutes
// rather than waiting in a queue.
//
// Use this shape when leads arrive one at a time (web forms, a CRM
// webhook). The model is compiled once at start-up and shared by every
// request; each request scores into its own Result.
//
// Run it with `go run ./examples/inbound-router`: it starts the handler on
// a test server, posts two leads and prints the answers. In a real service,
// register newHandler on your own mux.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"time"

	"github.com/icpkit/icpkit/icp"
)

// lead is the form a demo request posts.
type lead struct {
	Company       string   `json:"company"`
	Employees     *float64 `json:"employees"`
	Industry      string   `json:"industry"`
	Country       string   `json:"country"`
	TechStack     []string `json:"tech_stack"`
	FundingStage  string   `json:"funding_stage"`
	DecisionMaker *bool    `json:"decision_maker"`
}

// answer is what the router returns.
type answer struct {
	Score   float64  `json:"score"`
	Tier    string   `json:"tier"`
	Route   string   `json:"route"`
	Reasons []string `json:"reasons"`
	Ask     []string `json:"ask_on_discovery_call,omitempty"`
	Micros  float64  `json:"scored_in_microseconds"`
}

func newHandler(m *icp.Model, now func() time.Time) http.Handler {
	pool := sync.Pool{New: func() any { return new(icp.Result) }}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var l lead
		dec := json.NewDecoder(io.LimitReader(r.Body, 1<<16))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			http.Error(w, "bad lead: "+err.Error(), http.StatusBadRequest)
			return
		}
		p := icp.Prospect{Name: l.Company, Industry: l.Industry, Country: l.Country, TechStack: l.TechStack, FundingStage: l.FundingStage, Channel: icp.Inbound}
		if l.Employees != nil {
			p.Employees = icp.Num(*l.Employees)
		}
		if l.DecisionMaker != nil {
			p.DecisionMaker = icp.FlagOf(*l.DecisionMaker)
		}
		res := pool.Get().(*icp.Result)
		defer pool.Put(res)
		start := time.Now()
		m.ScoreInto(res, &p, now())
		took := time.Since(start)
		a := answer{Score: res.Score, Tier: res.Tier, Route: res.Route.String(), Reasons: res.Reasons(), Micros: float64(took.Nanoseconds()) / 1e3}
		for _, u := range res.Upside() {
			if u.TierUp {
				a.Ask = append(a.Ask, u.String())
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(a)
	})
}

func run(out io.Writer) error {
	m := icp.Reference()
	srv := httptest.NewServer(newHandler(m, time.Now))
	defer srv.Close()
	leads := []string{
		`{"company":"Acme Analytics","employees":240,"industry":"SaaS","country":"US","tech_stack":["Salesforce","Slack","Gong"],"funding_stage":"Series B","decision_maker":true}`,
		`{"company":"Corner Bakery","employees":12,"industry":"Retail","country":"France"}`,
	}
	for _, body := range leads {
		resp, err := http.Post(srv.URL, "application/json", bytes.NewBufferString(body))
		if err != nil {
			return err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %s: %s", resp.Status, b)
		}
		var a answer
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		var l lead
		json.Unmarshal([]byte(body), &l)
		fmt.Fprintf(out, "%s → %s (score %.0f, %s, in %.1f µs)\n", l.Company, a.Route, a.Score, a.Tier, a.Micros)
		for _, r := range a.Reasons {
			fmt.Fprintf(out, "    %s\n", r)
		}
		for _, q := range a.Ask {
			fmt.Fprintf(out, "    ask: %s\n", q)
		}
	}
	return nil
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}
