// Package crm reads CRM exports into typed records and writes scored
// rows back out.
//
// # Tables
//
// A Table streams a CSV file (delimiter detected, UTF-8 with or without a
// byte order mark, CRLF or LF, RFC 4180 quoting) or one XLSX worksheet,
// row by row, in flat memory. Malformed rows — ragged, badly quoted,
// invalid UTF-8, a cell over Options.MaxFieldBytes — come back as a
// *ParseError with their cells, so a caller can reject them and go on.
//
// # Columns
//
// The readers find fields by header, ignoring case, spaces and
// punctuation ("Number of Employees" = "NumberOfEmployees" =
// "number_of_employees"). Options.Columns maps a canonical name to any
// other header and wins over the built-in names. Canonical names:
//
//	accounts       account_id account_name employees annual_revenue industry
//	               country region tech_stack funding_stage headcount_growth
//	               triggers intent engagement decision_maker champion
//	               buyer_title channel
//	opportunities  opportunity_id created_date close_date stage outcome is_won
//	               is_closed amount source owner last_stage_change
//	               icp_score_at_creation icp_tier_at_creation, and any account column
//	customers      start_date churn_date start_arr current_arr start_mrr
//	               current_mrr cac gross_margin, and any account column
//
// Built in as well are the Salesforce API names and report labels (Id,
// AccountId, Account Name, NumberOfEmployees, AnnualRevenue, Industry,
// BillingCountry, BillingState, StageName, IsWon, IsClosed, CloseDate,
// CreatedDate, Amount, LeadSource, Owner, …) and the HubSpot export
// labels (Record ID, Company name, Number of Employees, Annual Revenue,
// Country/Region, State/Region, Deal Stage, Close Date, Create Date, Deal
// owner, Associated Company IDs, Associated Company, Original Source, …).
// "Id" and "Record ID" are the account in an accounts or customers table
// and the opportunity in an opportunities table.
//
// # Values
//
// A cell that is empty or reads "-", "n/a", "null" or "#N/A" (any case)
// is unknown: a Number with Known false, an empty string, a nil slice,
// icp.Unknown. It is never zero.
//
//   - Numbers and money: see ParseNumber. "12k" is an error, not 12000.
//     Employees, revenue, amounts, ARR, MRR and CAC may not be negative;
//     employees must be whole.
//   - Rates (headcount_growth, gross_margin): 0.4 or "40%". A gross margin
//     above 1 is an error.
//   - Dates: see ParseDate; in XLSX input a number in a date column is an
//     Excel serial day (1900 or 1904 system, as the workbook says).
//   - Flags: yes/no, y/n, true/false, 1/0.
//   - Lists (tech_stack): entries separated by ';' or '|'. "none" means
//     known to be empty (a non-nil empty slice).
//   - Events: entries "kind[@date]" (triggers, engagement) and
//     "topic[:strength][@date]" (intent, strength 0–100), separated by ';'
//     or '|': "funding@2026-03-01; new_sales_leader@2026-05-10".
//   - Channels (channel, source): inbound/outbound and the common lead
//     sources (Web, Phone Inquiry, Purchased List, Organic Search, …);
//     Options.Channels adds others. An unrecognised value is
//     icp.ChannelUnknown, not an error: lead-source picklists are free-form.
//
// # Nothing lost
//
// ReadAccounts, ReadOpportunities and ReadCustomers put every data row in
// either the records or the Rejects; RejectsWriter writes the rejects
// back with their line and reason so they can be fixed and imported
// again. A repeated account or opportunity id rejects the later row. Join
// returns the opportunities whose account it cannot find instead of
// dropping them.
//
// # Writing
//
// CSVWriter and XLSXWriter write rows through the RowWriter interface;
// CSVWriter output reads back through Table cell for cell.
package crm
