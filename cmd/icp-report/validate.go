package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/icpkit/icpkit/icp"
	"github.com/spf13/cobra"
)

func newValidate(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a model file and print what it scores",
		Long: `validate decodes a model file strictly and checks it: unknown keys, wrong
types, negative points, overlapping bands, points that do not add up to the
total, unordered tiers and tiers no score can reach are errors with the
file, line, column and field. A valid model is printed: its criteria and
points, disqualifiers, penalties, tiers and routing.`,
		Example: `  icp-report validate icp.yaml
  icp-report validate --json icp.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := icp.Load(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, describeModel(m))
			}
			return printModel(e.stdout, args[0], m)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the model as JSON")
	return c
}

type modelDoc struct {
	File          string              `json:"file"`
	Name          string              `json:"name"`
	Version       string              `json:"version,omitempty"`
	Profiles      []profileDoc        `json:"profiles"`
	Disqualifiers []icp.CriterionInfo `json:"disqualifiers"`
	Penalties     []icp.CriterionInfo `json:"penalties"`
	Tiers         []icp.Tier          `json:"tiers"`
	Routing       routingDoc          `json:"routing"`
	Custom        []string            `json:"custom_fields"`
}

type profileDoc struct {
	Name     string              `json:"name"`
	Mode     string              `json:"mode"`
	Total    float64             `json:"total"`
	Criteria []icp.CriterionInfo `json:"criteria"`
}

type routingDoc struct {
	Default       string  `json:"default_channel"`
	RepAt         float64 `json:"inbound_rep_at"`
	Floor         float64 `json:"outbound_floor"`
	ApprovalBelow float64 `json:"opportunity_approval_below"`
	ReasonBelow   float64 `json:"opportunity_reason_below"`
	OneMissed     string  `json:"gates_one_missed"`
}

func describeModel(m *icp.Model) modelDoc {
	d := modelDoc{File: m.File(), Name: m.Name(), Version: m.Version(), Disqualifiers: m.Disqualifiers(), Penalties: m.Penalties(), Tiers: m.Tiers()}
	for i, name := range m.Profiles() {
		mode := "points"
		if m.Gates(i) {
			mode = "gates"
		}
		d.Profiles = append(d.Profiles, profileDoc{Name: name, Mode: mode, Total: m.Total(i), Criteria: m.Criteria(i)})
	}
	r := m.Routing()
	d.Routing = routingDoc{Default: r.Default.String(), RepAt: r.RepAt, Floor: r.Floor, ApprovalBelow: r.ApprovalBelow, ReasonBelow: r.ReasonBelow, OneMissed: r.OneMissed.String()}
	d.Custom = []string{}
	for _, f := range m.CustomFields() {
		d.Custom = append(d.Custom, f.Name+" ("+f.Kind.String()+")")
	}
	return d
}

func printModel(w io.Writer, file string, m *icp.Model) error {
	d := describeModel(m)
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s: valid model %q", file, d.Name)
	if d.Version != "" {
		fmt.Fprintf(b, " version %s", d.Version)
	}
	fmt.Fprintln(b)
	for _, p := range d.Profiles {
		fmt.Fprintf(b, "\nprofile %q (%s mode, %g points)\n", p.Name, p.Mode, p.Total)
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  criterion\tfield\tkind\tgroup\tpoints")
		for _, c := range p.Criteria {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%g\n", c.Name, c.Field, c.Kind, c.Group, c.Max)
		}
		tw.Flush()
	}
	if len(d.Disqualifiers) > 0 {
		fmt.Fprintln(b, "\ndisqualifiers (tier Disqualified, route disqualify):")
		for _, c := range d.Disqualifiers {
			fmt.Fprintf(b, "  %s (%s)\n", c.Name, c.Field)
		}
	}
	if len(d.Penalties) > 0 {
		fmt.Fprintln(b, "\npenalties:")
		for _, c := range d.Penalties {
			fmt.Fprintf(b, "  %s (%s): -%g\n", c.Name, c.Field, c.Max)
		}
	}
	fmt.Fprintln(b, "\ntiers:")
	for _, t := range d.Tiers {
		fmt.Fprintf(b, "  %-12s score >= %g\n", t.Name, t.Min)
	}
	r := d.Routing
	fmt.Fprintf(b, "\nrouting:\n  inbound      rep at %g or more, else nurture\n  outbound     no contact below %g\n  opportunity  manager approval below %g, written reason below %g\n  default channel %s\n",
		r.RepAt, r.Floor, r.ApprovalBelow, r.ReasonBelow, r.Default)
	if len(d.Custom) > 0 {
		fmt.Fprintf(b, "\ncustom fields read from your files: %s\n", strings.Join(d.Custom, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
