package demo_test

import (
	"fmt"
	"os"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/demo"
)

func ExampleGenerate() {
	s := demo.Generate(demo.Settings{})
	closed, won := 0, 0
	for _, o := range s.Opportunities {
		if o.Outcome.Closed() {
			closed++
		}
		if o.Outcome == icp.Won {
			won++
		}
	}
	fmt.Printf("%d accounts, %d deals (%d closed), %d customers, as of %s\n",
		len(s.Accounts), len(s.Opportunities), closed, len(s.Customers), s.AsOf.Format("2006-01-02"))
	fmt.Printf("win rate %.2f\n", float64(won)/float64(closed))
	for _, c := range s.Truth.Criteria {
		fmt.Printf("%-14s %.2f\n", c, s.Truth.Effects[c])
	}
	fmt.Println(s.Truth.OutOfICPSegment)
	// Output:
	// 3000 accounts, 5100 deals (4500 closed), 932 customers, as of 2026-10-01
	// win rate 0.30
	// company_size   2.00
	// industry       1.50
	// trigger_event  1.30
	// tech_stack     0.35
	// decision_maker 0.70
	// geography      0.00
	// funding_stage  0.00
	// Healthcare, 1,000–5,000 employees
}

func ExampleWriteScaleAccounts() {
	if err := demo.WriteScaleAccounts(os.Stdout, 1, 1); err != nil {
		fmt.Println(err)
	}
	// Output:
	// account_id,account_name,employees,annual_revenue,industry,country,region,tech_stack,funding_stage,headcount_growth,triggers,intent,engagement,decision_maker,champion,buyer_title,is_competitor
	// A00000001,Westwell Bank,414,241979000,Financial Services,USA,North America,Salesforce; Microsoft Teams; Zoom,Series B,0.24,,,email_open@2022-11-24; email_open@2022-12-09; page_visit@2023-02-23; email_open@2023-07-21; page_visit@2024-09-09; email_open@2024-10-20; page_visit@2025-01-01; page_visit@2025-02-24,no,no,Founder,no
}
