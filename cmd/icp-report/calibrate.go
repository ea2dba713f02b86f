package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/icpkit/icpkit/calibrate"
	"github.com/icpkit/icpkit/calibrate/logit"
	"github.com/icpkit/icpkit/internal/atomicfile"
	"github.com/spf13/cobra"
)

func newCalibrate(e *env) *cobra.Command {
	var (
		in      inputFlags
		method  string
		out     string
		asJSON  bool
		folds   int
		period  string
		profile int
	)
	c := &cobra.Command{
		Use:   "calibrate --model M --deals FILE",
		Short: "Fit the model to closed-won/lost deals; suggest points and thresholds",
		Long: `calibrate scores every closed deal as of the day it was created and fits a
logistic regression of won on each criterion's share of its points. It
prints the effect of each criterion with its 95% interval, suggested
points that add up to the total, suggested tier thresholds, an
out-of-sample comparison of the current model, the suggestion and equal
weights (k-fold cross-validation and a time split), and the quarterly
review's findings.

Firth's penalised likelihood is the default method: it stays finite when a
criterion separates won from lost, as small samples often do. Use --method
ml for plain maximum likelihood (R's glm) or ridge for an L2 penalty.

Rows that cannot be read are left out of the fit and counted on stderr
(--rejects writes them with line and reason); the exit status is then 1.`,
		Example: `  icp-report calibrate --model icp.yaml --deals deals.csv
  icp-report calibrate --model icp.yaml --deals opps.csv --accounts accounts.csv --out suggested.yaml
  icp-report calibrate --model icp.yaml --deals deals.csv --json | jq .suggested_points`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			defer withProgress(e, &in)()
			m, err := in.model()
			if err != nil {
				return err
			}
			meth, err := logit.ParseMethod(method)
			if err != nil {
				return usagef("--method: %v", err)
			}
			per, err := calibrate.ParsePeriod(period)
			if err != nil {
				return usagef("--period: %v", err)
			}
			var af *atomicfile.File
			if out != "" { // fail before the work when it cannot be written
				if af, err = atomicfile.Create(out, 0o644); err != nil {
					return err
				}
				defer af.Close()
			}
			// Deals stream through the builder: memory holds the design,
			// not the deals.
			b, err := calibrate.NewBuilder(m, calibrate.Settings{Method: meth, Folds: folds, Period: per, Profile: profile, AsOf: in.asOf})
			if err != nil {
				return usagef("%v", err)
			}
			data, err := in.streamDeals(e, m, b.Add)
			if err != nil {
				return err
			}
			if err := interrupted(e, "calibration"); err != nil {
				return err
			}
			res, err := b.Result()
			if err != nil {
				return err
			}
			if err := interrupted(e, "output"); err != nil {
				return err
			}
			if out != "" {
				if res.Suggested == nil {
					return fmt.Errorf("no suggested model to write: %s", strings.Join(res.Warnings, "; "))
				}
				b, err := res.Suggested.Marshal()
				if err != nil {
					return err
				}
				if _, err := af.Write(b); err != nil {
					return err
				}
				if err := af.Commit(); err != nil {
					return err
				}
			}
			if asJSON {
				err = writeJSON(e.stdout, calibrationJSON(res))
			} else {
				err = printCalibration(e.stdout, res)
			}
			if err != nil {
				return err
			}
			data.printCounts(e.info)
			if out != "" {
				fmt.Fprintf(e.info, "wrote the suggested model to %s\n", out)
			}
			if n := data.rejected(); n > 0 {
				return &partialError{n: n, use: "used"}
			}
			return nil
		},
	}
	in.register(c, true)
	c.Flags().StringVar(&method, "method", "firth", "regression method: firth, ml or ridge")
	c.Flags().StringVar(&out, "out", "", "write the suggested model file here")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object instead of the summary")
	c.Flags().IntVar(&folds, "folds", calibrate.DefaultFolds, "cross-validation folds (0 or 1 turns it off)")
	c.Flags().StringVar(&period, "period", "quarter", "period for the time split and trend checks: quarter or month")
	c.Flags().IntVar(&profile, "profile", 0, "index of the profile to calibrate in a model with several ICPs")
	return c
}

type coefJSON struct {
	Criterion string  `json:"criterion"`
	Estimate  float64 `json:"estimate"`
	StdError  float64 `json:"std_error"`
	Z         float64 `json:"z"`
	PValue    float64 `json:"p_value"`
	CILow     float64 `json:"ci_low"`
	CIHigh    float64 `json:"ci_high"`
	OddsRatio float64 `json:"odds_ratio"`
}

type calJSON struct {
	Model           string                 `json:"model"`
	Profile         string                 `json:"profile"`
	N               int                    `json:"n"`
	Won             int                    `json:"won"`
	Lost            int                    `json:"lost"`
	Method          string                 `json:"method"`
	Converged       bool                   `json:"converged"`
	Iterations      int                    `json:"iterations"`
	Separation      string                 `json:"separation"`
	LogLikelihood   float64                `json:"log_likelihood"`
	Intercept       float64                `json:"intercept"`
	Coefficients    []coefJSON             `json:"coefficients"`
	CurrentPoints   map[string]float64     `json:"current_points"`
	SuggestedPoints map[string]int         `json:"suggested_points"`
	PointsToDouble  float64                `json:"points_to_double_odds"`
	Thresholds      map[string]float64     `json:"suggested_thresholds"`
	AUC             float64                `json:"auc"`
	Validation      []calibrate.Evaluation `json:"validation"`
	Tiers           []calibrate.TierRate   `json:"tiers"`
	Findings        []findingJSON          `json:"findings"`
	Warnings        []string               `json:"warnings"`
}

type findingJSON struct {
	Kind     string   `json:"kind"`
	Severity string   `json:"severity"`
	Title    string   `json:"title"`
	Evidence []string `json:"evidence,omitempty"`
}

func calibrationJSON(r *calibrate.Result) calJSON {
	j := calJSON{Model: r.Model, Profile: r.Profile, N: r.N, Won: r.Won, Lost: r.Lost, Method: r.Method.String(),
		CurrentPoints: map[string]float64{}, SuggestedPoints: map[string]int{}, Thresholds: map[string]float64{},
		PointsToDouble: r.PointsToDouble, Validation: r.Validation, Tiers: r.Tiers, Warnings: append([]string{}, r.Warnings...), Coefficients: []coefJSON{}, Findings: []findingJSON{}}
	if r.Fit != nil {
		j.Converged, j.Iterations, j.LogLikelihood = r.Fit.Converged, r.Fit.Iterations, r.Fit.LogLikelihood
		j.Intercept = r.Fit.Intercept.Estimate
		j.Separation = r.Fit.Separation.String()
	}
	for _, c := range r.Criteria {
		j.CurrentPoints[c.Name] = c.Current
		if r.Suggested != nil {
			j.SuggestedPoints[c.Name] = c.Suggested
		}
		if r.Fit != nil {
			k := c.Coef
			j.Coefficients = append(j.Coefficients, coefJSON{Criterion: c.Name, Estimate: k.Estimate, StdError: k.StdError, Z: k.Z, PValue: k.PValue, CILow: k.CILow, CIHigh: k.CIHigh, OddsRatio: k.OddsRatio})
		}
	}
	for _, t := range r.Thresholds {
		j.Thresholds[t.Name] = t.Min
	}
	for _, v := range r.Validation {
		if v.Model == calibrate.ModelSuggested && strings.Contains(v.Split, "cross-validation") {
			j.AUC = v.AUC
		}
	}
	for _, f := range r.Findings {
		j.Findings = append(j.Findings, findingJSON{Kind: f.Kind, Severity: f.Severity.String(), Title: f.Title, Evidence: f.Evidence})
	}
	return j
}

func printCalibration(w io.Writer, r *calibrate.Result) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s: %d closed deals (%d won, %d lost), method %s\n", r.Model, r.N, r.Won, r.Lost, r.Method)
	if r.Fit != nil {
		fmt.Fprintf(b, "fit: %s after %d iterations; log-likelihood %.2f; AIC %.1f; separation: %s\n", r.Fit.Reason, r.Fit.Iterations, r.Fit.LogLikelihood, r.Fit.AIC, r.Fit.Separation)
		fmt.Fprintln(b)
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "criterion\teffect\t95% CI\todds ratio\tp\tnow\tsuggested\t")
		for _, c := range r.Criteria {
			sug := "-"
			if r.Suggested != nil {
				sug = fmt.Sprint(c.Suggested)
			}
			fmt.Fprintf(tw, "%s\t%.2f\t%.2f to %.2f\t%.2f\t%s\t%g\t%s\t\n", c.Name, c.Coef.Estimate, c.Coef.CILow, c.Coef.CIHigh, c.Coef.OddsRatio, pvalue(c.Coef.PValue), c.Current, sug)
		}
		tw.Flush()
		for _, c := range r.Criteria {
			if c.Warning != "" {
				fmt.Fprintf(b, "  %s: %s\n", c.Name, c.Warning)
			}
		}
		if r.PointsToDouble > 0 {
			fmt.Fprintf(b, "\nWith the suggested points, every %.0f points doubles the odds of winning.\n", r.PointsToDouble)
		}
		if len(r.Thresholds) > 0 {
			var ts []string
			for _, t := range r.Thresholds {
				ts = append(ts, fmt.Sprintf("%s at %g", t.Name, t.Min))
			}
			fmt.Fprintf(b, "Suggested tiers: %s.\n", strings.Join(ts, ", "))
		}
	}
	fmt.Fprintln(b, "\nwin rate by tier (current model):")
	for _, t := range r.Tiers {
		fmt.Fprintf(b, "  %-13s %5d deals  %4.0f%% won  (95%% CI %.0f–%.0f%%)\n", t.Tier, t.Deals, 100*t.WinRate, 100*t.Low, 100*t.High)
	}
	if len(r.Validation) > 0 {
		fmt.Fprintln(b, "\nout of sample:")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  split\tmodel\tAUC (95% CI)\tlog loss\tBrier\tcal. slope")
		for _, v := range r.Validation {
			fmt.Fprintf(tw, "  %s\t%s\t%.3f (%.3f–%.3f)\t%.3f\t%.3f\t%.2f\n", v.Split, v.Model, v.AUC, v.AUCLow, v.AUCHigh, v.LogLoss, v.Brier, v.CalibrationSlope)
		}
		tw.Flush()
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(b, "\nreview findings:")
		fs := append([]calibrate.Finding(nil), r.Findings...)
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
		for _, f := range fs {
			fmt.Fprintf(b, "  [%s] %s\n", f.Severity, f.Title)
			for _, ev := range f.Evidence {
				fmt.Fprintf(b, "      %s\n", ev)
			}
		}
	}
	for _, wn := range r.Warnings {
		fmt.Fprintf(b, "warning: %s\n", wn)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pvalue(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", p)
}

var _ = os.Stdout
