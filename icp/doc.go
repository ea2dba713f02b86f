// Package icp scores B2B leads against an Ideal Customer Profile (ICP).
//
// A RevOps team writes the ICP as a model file; [Parse] or [Load] compiles
// it into a [Model], and [Model.Score] turns a [Prospect] (an account, lead
// or opportunity) into a [Result]: a score from 0 to 100, a tier, a route,
// the points each criterion earned and a reason for each.
//
//	m, err := icp.Load("icp.yaml")
//	...
//	r := m.Score(&prospect, asOf)
//	fmt.Println(r.Score, r.Tier, r.Route, r.Reasons())
//
// [Reference] is the playbook's 100-point model (company size 25, industry
// 20, trigger event 20, technology stack 15, decision maker identified 10,
// geography 5, funding stage 5); [ReferenceYAML] is its commented file, a
// starting point for a team's own.
//
// # Model files
//
// A model file is one YAML document (or JSON, which is YAML too; a file
// named *.json must also be strict JSON). It names the model, lists
// criteria whose points add up to total (100 unless given), and tiers:
//
//	icpkit: 1
//	name: Mid-market SaaS
//	criteria:
//	  - name: company_size
//	    field: employees
//	    kind: range
//	    points: 25
//	    bands:
//	      - {min: 100, max: 500, points: 25}
//	      - {min: 50, max: 99, points: 12}
//	  - ...
//	disqualifiers: [...]
//	penalties: [...]
//	tiers:
//	  - {name: Tier 1, min: 80}
//	  - {name: Tier 2, min: 65}
//	  - {name: Tier 3, min: 0}
//	routing: {...}
//	staleness: {...}
//
// Decoding is strict: an unknown key, a value of the wrong type, a
// duplicate key, a second document, points that do not add up, overlapping
// bands, tiers out of order or a tier no score can reach are errors. Every
// error is a *[ModelError] that names file, line, column and field, e.g.
//
//	icp.yaml:14:13: field criteria[1].points: invalid value: points -50 are negative; use a penalty to take points away
//
// and wraps one of [ErrSyntax], [ErrUnknownKey], [ErrType], [ErrInvalid]
// or [ErrTooLarge], for [errors.Is]. A file may be 4 MiB; aliases are
// followed, but the document they expand to may hold at most 100,000
// values and 4 MiB of text, so a "billion laughs" file fails at once with
// ErrTooLarge. [Spec] is the file as written: [ParseSpec] decodes one,
// [Compile] checks it, [Model.Spec] returns it and [Spec.Marshal] writes it
// back (calibration tools edit models this way).
//
// # Criteria
//
// A criterion reads one field of the prospect — employees,
// annual_revenue, industry, country, region, tech_stack, funding_stage,
// headcount_growth, triggers, intent, engagement, decision_maker,
// champion, buyer_title, or custom.NAME for an attribute a CRM adds (see
// [Prospect.Custom]) — and earns points by its kind:
//
//   - range: a number; bands give points to inclusive ranges [min, max],
//     either end open. A value between bands earns nothing.
//   - category: text; each value earns its points (the criterion's by
//     default). Values and their aliases match ignoring ASCII case and
//     surrounding space.
//   - set: a list such as the tech stack; match "any" earns the points
//     when one listed item is there, "all" when every listed item is, and
//     "each" earns the each points per listed item, at most points. An item
//     that appears twice counts once.
//   - events: dated events (trigger events, intent, engagement). An event
//     counts when its kind is listed (for intent, its topic), its strength
//     is at least min_strength, and, given an as-of date, it happened no
//     more than window_days before it; events after the as-of date never
//     count. The best event earns its kind's points, times
//     2^(−age/half_life_days) when the criterion decays. With bands, the
//     number of counting events picks a band instead.
//   - flag: yes/no; earns the points when the value is yes (or, with
//     is: false, when it is no).
//
// # Scores
//
// Unknown is not zero: a [Number] that is not Known (or is NaN or ±Inf),
// an empty or blank string, a nil slice, the Flag [Unknown] and a custom
// attribute of the wrong kind are unknown, and the criterion is [Missing];
// 0 employees or an empty (non-nil) tech stack is known and earns what it
// earns. [Result.Completeness] is the share of the points whose attribute
// is known and [Result.Upside] says what finding out each unknown (or
// improving each short criterion) could add: the questions for a discovery
// call.
//
// The score is
//
//	score = max(0, 100 × (Σ criterion points − Σ matched penalty points) / total)
//
// so a score is comparable across models with different totals.
// [Result.Fit] and [Result.Behavior] split the first sum into firmographic
// and behavioural parts, before penalties.
//
// Penalties (negative ICP signals short of disqualifying, such as a
// shrinking headcount) take their points away when they match.
// Disqualifiers (a competitor, fewer than 10 employees) keep the score but
// set the tier to [TierDisqualified] and the route to [RouteDisqualify]:
// disqualify early.
//
// # Tiers and routing
//
// Tiers are listed best first; a score falls in the first tier whose min it
// reaches (Tier 1 at 80, Tier 2 at 65, Tier 3 below in the reference
// model, so 75–79 is a secondary-priority Tier 2). The route depends on how
// the prospect came in ([Prospect.Channel], or routing.default):
//
//   - inbound: at or above rep_at (default: the second tier's min) a rep
//     responds now, below it nurture;
//   - outbound: below floor (default 50) no cold contact;
//   - opportunity: below approval_below (default 65) a manager approves,
//     below reason_below (default 60) the rep also writes why.
//
// # Gates
//
// With mode: gates (transactional sales: small deals, short cycles) the
// criteria, usually company size, industry, technology stack and buyer
// title, are binary gates; a gate passes when its criterion earns any
// points. All passed go to a rep, one missed goes where
// routing.gates.one_missed says (manager_approval by default, or rep or
// nurture), two or more missed go to nurture, whatever the channel. The
// score and tiers work as in points mode.
//
// # Several ICPs
//
// A file may hold two or more profiles (say "Mid-market tech" and
// "Mid-market financial services"), each with its own criteria and total,
// sharing disqualifiers, penalties, tiers, routing and staleness. Every
// profile is scored; the best score wins and names the profile, the first
// in file order on ties. [Result.Profiles] has every profile's score.
//
// # Staleness
//
// Given an as-of date, a Result says whether the score under review (set
// at [Prospect.ScoredAt]) is out of date: an opportunity passed a re-score
// checkpoint (60 and 90 days after [Prospect.Opened] by default) since it
// was scored, or its stage has not moved for 180 days
// ([Prospect.LastStageChange]), the playbook's sign that a Tier 1 deal is
// no longer one.
//
// # Concurrency and the hot path
//
// A Model is immutable and safe for concurrent use. [Model.ScoreInto]
// scores into a caller's [Result], reusing its slices: once a Result has
// grown to the model's size, scoring does not allocate (text values longer
// than 64 bytes with upper-case letters excepted), so a goroutine per core
// with its own Result scores millions of prospects a second.
// [Model.Score] allocates a new Result; [Result.Reasons] and
// [Result.Upside] allocate and are meant for people, not loops.
//
// Scoring with a zero as-of date ignores time: no event window, no decay,
// no staleness.
package icp
