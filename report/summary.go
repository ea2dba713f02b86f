package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/icpkit/icpkit/calibrate"
)

// Summary holds the headline figures of the review, for summary.json.
// Fields are declared in the order of their JSON keys, so the encoding
// has sorted keys; unknown figures are null.
type Summary struct {
	AsOf        string              `json:"as_of"`       // 2006-01-02
	Calibration *SummaryCalibration `json:"calibration"` // null when calibration was not run
	Customers   int                 `json:"customers"`
	Deals       SummaryDeals        `json:"deals"`
	Findings    []string            `json:"findings"`
	Forecast    SummaryForecast     `json:"forecast"`
	Model       SummaryModel        `json:"model"`
	Period      string              `json:"period"` // "quarter" or "month"
	Pipeline    SummaryPipeline     `json:"pipeline"`
	Sources     []SummarySource     `json:"sources"`
	Tiers       []SummaryTier       `json:"tiers"`
}

// SummaryCalibration is the headline of the calibration: the fit's
// method and deals, the suggested model's AUC under cross-validation
// (with the current model's beside it), the suggested points by
// criterion name and the titles of the review's findings, most severe
// first. An unknown figure is null; SuggestedPoints is null when
// calibration suggested no model.
type SummaryCalibration struct {
	AUC             *float64       `json:"auc"`
	AUCCurrent      *float64       `json:"auc_current"`
	Findings        []string       `json:"findings"`
	Lost            int            `json:"lost"`
	Method          string         `json:"method"`
	N               int            `json:"n"`
	PointsToDouble  *float64       `json:"points_to_double"`
	SuggestedPoints map[string]int `json:"suggested_points"` // encoded with sorted keys
	Validation      string         `json:"validation"`       // the split AUC is from: "5-fold cross-validation"
	Won             int            `json:"won"`
}

// SummaryDeals counts the deals by outcome.
type SummaryDeals struct {
	Closed int `json:"closed"`
	Lost   int `json:"lost"`
	Open   int `json:"open"`
	Won    int `json:"won"`
}

// SummaryForecast is the ICP-weighted and the unweighted forecast with
// their bands (see Forecast).
type SummaryForecast struct {
	Unweighted     *float64 `json:"unweighted"`
	UnweightedHigh *float64 `json:"unweighted_high"`
	UnweightedLow  *float64 `json:"unweighted_low"`
	Weighted       *float64 `json:"weighted"`
	WeightedHigh   *float64 `json:"weighted_high"`
	WeightedLow    *float64 `json:"weighted_low"`
}

// SummaryModel names the model.
type SummaryModel struct {
	File    string `json:"file"`
	Name    string `json:"name"`
	Version string `json:"version"`
}

// SummaryPipeline is the open pipeline and the share of its value in the
// model's top two tiers.
type SummaryPipeline struct {
	OpenDeals     int      `json:"open_deals"`
	OpenValue     float64  `json:"open_value"`
	TopTiers      []string `json:"top_tiers"`
	TopTiersShare *float64 `json:"top_tiers_share"`
}

// SummarySource counts the rows of one input.
type SummarySource struct {
	Name     string `json:"name"`
	Read     int    `json:"read"`
	Rejected int    `json:"rejected"`
}

// SummaryTier is a tier's win rate (with its interval) and open pipeline.
type SummaryTier struct {
	Closed         int      `json:"closed"`
	Name           string   `json:"name"`
	OpenDeals      int      `json:"open_deals"`
	OpenValue      float64  `json:"open_value"`
	OpenValueShare *float64 `json:"open_value_share"`
	WinRate        *float64 `json:"win_rate"`
	WinRateHigh    *float64 `json:"win_rate_high"`
	WinRateLow     *float64 `json:"win_rate_low"`
	Won            int      `json:"won"`
}

// Summary returns the headline figures.
func (r *Report) Summary() Summary {
	s := Summary{
		AsOf:      r.AsOf.Format(time.DateOnly),
		Customers: r.Customers,
		Deals:     SummaryDeals{Closed: r.Deals.Closed(), Lost: r.Deals.Lost, Open: r.Deals.Open, Won: r.Deals.Won},
		Findings:  []string{},
		Model:     SummaryModel{File: r.Model.File, Name: r.Model.Name, Version: r.Model.Version},
		Period:    r.Period.String(),
		Sources:   []SummarySource{},
		Tiers:     []SummaryTier{},
		Pipeline: SummaryPipeline{
			OpenDeals: r.Pipeline.Total.Deals, OpenValue: r.Pipeline.Total.Value,
			TopTiers: append([]string{}, r.Pipeline.TopTiers...), TopTiersShare: r.Pipeline.TopShare.ptr(),
		},
		Forecast: SummaryForecast{
			Weighted: r.Forecast.Weighted.Expected.ptr(), WeightedLow: r.Forecast.Weighted.ExpectedLow.ptr(), WeightedHigh: r.Forecast.Weighted.ExpectedHigh.ptr(),
			Unweighted: r.Forecast.Unweighted.Expected.ptr(), UnweightedLow: r.Forecast.Unweighted.ExpectedLow.ptr(), UnweightedHigh: r.Forecast.Unweighted.ExpectedHigh.ptr(),
		},
	}
	for _, f := range r.Findings {
		s.Findings = append(s.Findings, f.Text)
	}
	s.Calibration = r.Calibration.summary()
	for _, src := range r.Quality.Sources {
		s.Sources = append(s.Sources, SummarySource{Name: src.Name, Read: src.Read, Rejected: src.Rejected})
	}
	for i, t := range r.WinRate.Tiers {
		p := r.Pipeline.Tiers[i]
		s.Tiers = append(s.Tiers, SummaryTier{
			Closed: t.Closed, Name: t.Tier, Won: t.Won,
			WinRate: t.Rate.ptr(), WinRateLow: t.Low.ptr(), WinRateHigh: t.High.ptr(),
			OpenDeals: p.Deals, OpenValue: p.Value, OpenValueShare: p.ValueShare.ptr(),
		})
	}
	return s
}

// writeJSON writes the summary as indented JSON with a final newline.
func (s Summary) writeJSON(w io.Writer) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// summary returns the calibration's headline; nil for nil.
func (c *Calibration) summary() *SummaryCalibration {
	if c == nil {
		return nil
	}
	s := &SummaryCalibration{
		Findings: []string{}, Lost: c.Lost, Method: c.Method, N: c.Deals, Won: c.Won,
		PointsToDouble: c.PointsToDouble.ptr(), Validation: c.CrossValidation,
	}
	if v := c.crossValidated(calibrate.ModelSuggested); v != nil {
		s.AUC = v.AUC.ptr()
	}
	if v := c.crossValidated(calibrate.ModelCurrent); v != nil {
		s.AUCCurrent = v.AUC.ptr()
	}
	if c.Suggested {
		s.SuggestedPoints = map[string]int{}
		for _, cr := range c.Criteria {
			s.SuggestedPoints[cr.Name] = int(cr.Suggested.Value)
		}
	}
	for _, f := range c.Findings {
		s.Findings = append(s.Findings, f.Title)
	}
	return s
}
