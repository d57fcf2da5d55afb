//! Endorsement rules, each with a worked example whose answer was derived by hand from the
//! seeds (002 for IMH Mentor (Clinical), 001 for IMH Specialist, Arizona).

use chrono::NaiveDate;
use crosswalk::profile::{
    Applicant, Outcome, RowUse, RscSession, RuleStatus, Training, evaluate, find,
};
use crosswalk::profile::{Profile, RscAbout};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn training(date: NaiveDate, hours: f64, eligible: &[&str]) -> Training {
    Training {
        date: Some(date),
        hours,
        eligible: eligible.iter().map(|s| s.to_string()).collect(),
    }
}

fn session(date: NaiveDate, hours: f64, about: RscAbout) -> RscSession {
    RscSession {
        date: Some(date),
        hours,
        about,
    }
}

fn mentor() -> Profile {
    find("imhm-c", None).expect("IMHM-C profile")
}

fn initial(as_of: NaiveDate) -> Applicant {
    Applicant {
        as_of,
        renewal: false,
        endorsed_since: None,
        provides_rsc: true,
    }
}

fn renewal(as_of: NaiveDate, since: NaiveDate) -> Applicant {
    Applicant {
        as_of,
        renewal: true,
        endorsed_since: Some(since),
        provides_rsc: true,
    }
}

fn rule<'a>(o: &'a Outcome, id: &str) -> &'a crosswalk::profile::RuleOutcome {
    o.result
        .rules
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("rule {id}"))
}

const SE: &[&str] = &["social-emotional"];
const RSC: &[&str] = &["rsc"];

#[test]
fn mentor_initial_met_exactly_at_the_boundary() {
    // 33 h social-emotional + 15 h RSC didactic = 48 h; 25 + 25 h RSC received = 50 h.
    let trainings = [
        training(d(2024, 3, 1), 33.0, SE),
        training(d(2024, 5, 1), 15.0, RSC),
    ];
    let sessions = [
        session(d(2024, 6, 1), 25.0, RscAbout::OwnCases),
        session(d(2024, 9, 1), 25.0, RscAbout::Providing),
    ];
    let o = evaluate(&mentor(), &initial(d(2025, 6, 1)), &trainings, &sessions);
    for id in [
        "training-total",
        "social-emotional",
        "rsc-didactic",
        "rsc-received",
        "rsc-about-providing",
    ] {
        assert_eq!(rule(&o, id).status, RuleStatus::Met, "{id}");
    }
    assert_eq!(rule(&o, "training-total").counted_hours, 48.0);
    assert!(o.result.met);
}

#[test]
fn mentor_initial_short_by_a_quarter_hour() {
    // 32.75 h social-emotional: the 33 h part is short by 0.25 h, and so is the 48 h total.
    let trainings = [
        training(d(2024, 3, 1), 32.75, SE),
        training(d(2024, 5, 1), 15.0, RSC),
    ];
    let o = evaluate(&mentor(), &initial(d(2025, 6, 1)), &trainings, &[]);
    assert_eq!(
        rule(&o, "social-emotional").status,
        RuleStatus::Short {
            missing_hours: 0.25
        }
    );
    assert_eq!(
        rule(&o, "training-total").status,
        RuleStatus::Short {
            missing_hours: 0.25
        }
    );
    assert_eq!(rule(&o, "rsc-didactic").status, RuleStatus::Met);
    assert_eq!(
        rule(&o, "rsc-received").status,
        RuleStatus::NoQualifyingHours
    );
    assert!(!o.result.met);
}

#[test]
fn rsc_received_split_about_own_cases_and_about_providing() {
    // 26 h about own cases + 24 h about the RSC the applicant provides: 50 h in all is met,
    // the 25 h about providing is short by 1 h.
    let sessions = [
        session(d(2024, 1, 10), 26.0, RscAbout::OwnCases),
        session(d(2024, 2, 10), 24.0, RscAbout::Providing),
    ];
    let o = evaluate(&mentor(), &initial(d(2025, 1, 1)), &[], &sessions);
    assert_eq!(rule(&o, "rsc-received").status, RuleStatus::Met);
    assert_eq!(
        rule(&o, "rsc-about-providing").status,
        RuleStatus::Short { missing_hours: 1.0 }
    );
    assert_eq!(rule(&o, "rsc-about-providing").rows, [(1, 24.0)]);
}

#[test]
fn only_the_best_allocation_meets_both_parts() {
    // A 15 h training that qualifies for both buckets comes first, then a 33 h social-emotional
    // one. Filling the parts in row order gives A to social-emotional (33 reached with 18 h of
    // B) and leaves RSC didactic at 0 h. The max-flow gives A to RSC: both parts met.
    let trainings = [
        training(d(2024, 1, 1), 15.0, &["social-emotional", "rsc"]),
        training(d(2024, 2, 1), 33.0, SE),
    ];
    let o = evaluate(&mentor(), &initial(d(2025, 1, 1)), &trainings, &[]);
    assert_eq!(rule(&o, "social-emotional").status, RuleStatus::Met);
    assert_eq!(rule(&o, "rsc-didactic").status, RuleStatus::Met);
    assert_eq!(rule(&o, "rsc-didactic").rows, [(0, 15.0)]);
    assert_eq!(rule(&o, "training-total").counted_hours, 48.0);
}

#[test]
fn renewal_in_each_mid_cycle_band() {
    let as_of = d(2025, 6, 30);
    let cases = [
        // (endorsed since, training required, RSC required, exempt)
        (d(2024, 9, 1), None, None, true), // under 1 year: exempt
        (d(2024, 6, 1), Some(15.0), Some(12.0), false), // 1 whole year
        (d(2023, 6, 1), Some(30.0), Some(24.0), false), // 2 whole years
        (d(2022, 6, 1), Some(45.0), Some(36.0), false), // a full first cycle
        (d(2018, 6, 1), Some(45.0), Some(30.0), false), // held 3+ years before the cycle
    ];
    for (since, training_hours, rsc_hours, exempt) in cases {
        let o = evaluate(&mentor(), &renewal(as_of, since), &[], &[]);
        assert_eq!(o.result.exempt.is_some(), exempt, "since {since}");
        if let (Some(t), Some(r)) = (training_hours, rsc_hours) {
            assert_eq!(
                rule(&o, "renewal-training").required_hours,
                t,
                "since {since}"
            );
            assert_eq!(rule(&o, "renewal-rsc").required_hours, r, "since {since}");
            assert_eq!(
                rule(&o, "renewal-rsc-didactic").required_hours,
                9.0,
                "since {since}"
            );
        } else {
            assert!(o.result.met);
        }
    }
}

#[test]
fn renewal_counts_only_the_cycle() {
    // Cycle 2022-06-30 .. 2025-06-30 for an endorsement of 2019: the 2021 training and the one
    // dated after the as-of date fall outside, with reasons; the undated one cannot be placed.
    let trainings = [
        training(d(2021, 5, 1), 10.0, SE),
        training(d(2023, 5, 1), 36.0, SE),
        training(d(2024, 5, 1), 9.0, RSC),
        training(d(2025, 8, 1), 5.0, SE),
        Training {
            date: None,
            hours: 3.0,
            eligible: SE.iter().map(|s| s.to_string()).collect(),
        },
    ];
    let o = evaluate(
        &mentor(),
        &renewal(d(2025, 6, 30), d(2019, 1, 15)),
        &trainings,
        &[],
    );
    let uses: Vec<bool> = o
        .result
        .training_rows
        .iter()
        .map(|u| *u == RowUse::Counted)
        .collect();
    assert_eq!(uses, [false, true, true, false, false]);
    match &o.result.training_rows[0] {
        RowUse::OutsideWindow { reason } => assert!(
            reason.contains("outside 2022-06-30 to 2025-06-30"),
            "{reason}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(rule(&o, "renewal-training").status, RuleStatus::Met);
    assert_eq!(rule(&o, "renewal-training").counted_hours, 45.0);
    assert_eq!(rule(&o, "renewal-rsc-didactic").status, RuleStatus::Met);
}

#[test]
fn specialist_rsc_within_two_years() {
    // 50 h within the 24 months before the as-of date; 10 h from three years ago do not count.
    let imhs = find("imhs", None).expect("IMHS profile");
    let sessions = [
        session(d(2022, 1, 1), 10.0, RscAbout::OwnCases),
        session(d(2024, 1, 1), 45.0, RscAbout::OwnCases),
    ];
    let trainings = [training(d(2023, 1, 1), 30.0, SE)];
    let o = evaluate(&imhs, &initial(d(2025, 1, 1)), &trainings, &sessions);
    assert_eq!(rule(&o, "training-total").status, RuleStatus::Met);
    assert_eq!(
        rule(&o, "rsc-received").status,
        RuleStatus::Short { missing_hours: 5.0 }
    );
    assert!(matches!(o.result.rsc_rows[0], RowUse::OutsideWindow { .. }));
}

#[test]
fn specialist_renewal_rsc_training_only_for_providers() {
    let imhs = find("imhs", None).expect("IMHS profile");
    let trainings = [training(d(2024, 9, 1), 15.0, SE)];
    let mut applicant = renewal(d(2025, 6, 30), d(2020, 1, 1));
    applicant.provides_rsc = false;
    let o = evaluate(&imhs, &applicant, &trainings, &[]);
    assert!(matches!(
        rule(&o, "renewal-rsc-didactic").status,
        RuleStatus::NotApplicable { .. }
    ));
    assert!(o.result.met);
    applicant.provides_rsc = true;
    let o = evaluate(&imhs, &applicant, &trainings, &[]);
    assert_eq!(
        rule(&o, "renewal-rsc-didactic").status,
        RuleStatus::NoQualifyingHours
    );
    assert!(!o.result.met);
}

#[test]
fn unknown_endorsements_and_mismatched_profiles_are_refused() {
    assert!(find("imhx", None).is_err());
    let err = find("imhs", Some("mi-aimh-2025-imhm-c"))
        .expect_err("mismatch")
        .to_string();
    assert!(err.contains("is for endorsement 'imhm-c'"), "{err}");
}

mod recommendation {
    use crosswalk::allocate::Offer;
    use crosswalk::framework::{Requirement, RequirementKind};
    use crosswalk::profile::{Candidate, recommend};

    fn rule(id: &str, hours: f64, accepts: &[&str], kind: RequirementKind) -> Requirement {
        Requirement {
            id: id.to_string(),
            name: id.to_string(),
            hours,
            accepts: accepts.iter().map(|s| s.to_string()).collect(),
            kind,
            note: None,
        }
    }

    fn candidate(index: usize, hours: f64, eligible: &[&str], kas: &[usize]) -> Candidate {
        Candidate {
            index,
            hours,
            eligible: eligible.iter().map(|s| s.to_string()).collect(),
            knowledge_areas: kas.to_vec(),
        }
    }

    #[test]
    fn the_greedy_choice_is_not_the_smallest_set() {
        // 6 h short of social-emotional. Taking the biggest help first picks A (4 h) and then
        // B (3 h): 7 h. The smallest set is B and C: 6 h.
        let rules = [rule(
            "se",
            6.0,
            &["social-emotional"],
            RequirementKind::Part,
        )];
        let catalog = [
            candidate(0, 4.0, &["social-emotional"], &[]),
            candidate(1, 3.0, &["social-emotional"], &[]),
            candidate(2, 3.0, &["social-emotional"], &[]),
        ];
        let r = recommend(&rules, &[], &catalog, &[]);
        assert_eq!(r.trainings, [1, 2]);
        assert_eq!(r.total_hours, 6.0);
        assert!(r.proven_smallest);
    }

    #[test]
    fn covering_knowledge_areas_cheaply_beats_covering_many_at_once() {
        // A covers both missing areas in 5 h; B and C cover one each in 2 h: 4 h in all.
        let catalog = [
            candidate(0, 5.0, &[], &[10, 11]),
            candidate(1, 2.0, &[], &[10]),
            candidate(2, 2.0, &[], &[11]),
        ];
        let r = recommend(&[], &[], &catalog, &[10, 11]);
        assert_eq!(r.trainings, [1, 2]);
        assert_eq!(r.total_hours, 4.0);
    }

    #[test]
    fn fewest_trainings_break_a_tie_in_hours() {
        let rules = [rule(
            "se",
            6.0,
            &["social-emotional"],
            RequirementKind::Part,
        )];
        let catalog = [
            candidate(0, 3.0, &["social-emotional"], &[]),
            candidate(1, 3.0, &["social-emotional"], &[]),
            candidate(2, 6.0, &["social-emotional"], &[]),
        ];
        let r = recommend(&rules, &[], &catalog, &[]);
        assert_eq!(r.trainings, [2]);
    }

    #[test]
    fn hours_already_held_count_and_what_the_catalog_cannot_close_is_said() {
        let rules = [
            rule("se", 10.0, &["social-emotional"], RequirementKind::Part),
            rule("rsc", 15.0, &["rsc"], RequirementKind::Part),
        ];
        let have = [Offer {
            hours: 8.0,
            eligible: vec!["social-emotional".to_string()],
        }];
        let catalog = [
            candidate(0, 2.0, &["social-emotional"], &[]),
            candidate(1, 4.0, &["rsc"], &[]),
        ];
        let r = recommend(&rules, &have, &catalog, &[7, 99]);
        assert_eq!(
            r.trainings,
            [0],
            "2 h close social-emotional; RSC is out of reach"
        );
        assert_eq!(r.rules_out_of_reach, ["rsc"]);
        assert_eq!(r.knowledge_areas_out_of_reach, [7, 99]);
    }

    #[test]
    fn a_large_catalog_of_repeated_sessions_is_searched_to_the_end() {
        // 20 missing areas; each is taught alone in 2 h sessions and in pairs (2i, 2i+1) in
        // 3 h sessions, every session offered 60 times. Ten pair sessions (30 h) beat twenty
        // single ones (40 h), and the search must prove it rather than run out of budget.
        let rules = [rule(
            "se",
            12.0,
            &["social-emotional"],
            RequirementKind::Part,
        )];
        let mut catalog = Vec::new();
        for copy in 0..60 {
            for k in 0..20usize {
                let index = catalog.len();
                catalog.push(candidate(index, 2.0, &["social-emotional"], &[k]));
                if k % 2 == 0 && copy % 2 == 0 {
                    let index = catalog.len();
                    catalog.push(candidate(index, 3.0, &["social-emotional"], &[k, k + 1]));
                }
            }
        }
        let missing: Vec<usize> = (0..20).collect();
        let r = recommend(&rules, &[], &catalog, &missing);
        assert!(r.proven_smallest, "the search ran out of budget");
        assert_eq!(r.total_hours, 30.0);
        assert_eq!(r.trainings.len(), 10);
        assert!(r.trainings.iter().all(|&i| catalog[i].hours == 3.0));
    }

    #[test]
    fn nothing_to_take_when_everything_is_met() {
        let rules = [rule(
            "se",
            3.0,
            &["social-emotional"],
            RequirementKind::Part,
        )];
        let have = [Offer {
            hours: 3.0,
            eligible: vec!["social-emotional".to_string()],
        }];
        let r = recommend(
            &rules,
            &have,
            &[candidate(0, 1.0, &["social-emotional"], &[])],
            &[],
        );
        assert!(r.trainings.is_empty());
        assert!(r.proven_smallest);
    }
}

fn alliance() -> Profile {
    find("imhm-c", Some("alliance-2024-imhm-c")).expect("Alliance profile")
}

#[test]
fn alliance_initial_fills_30_imh_15_rsc_and_3_dei() {
    // 30 h IMH + 15 h RSC + a 3 h training that is both IMH and DEI: the flow gives it to DEI.
    let trainings = [
        training(d(2024, 3, 1), 30.0, SE),
        training(d(2024, 4, 1), 15.0, RSC),
        training(d(2024, 5, 1), 3.0, &["social-emotional", "dei"]),
    ];
    let o = evaluate(&alliance(), &initial(d(2025, 1, 1)), &trainings, &[]);
    for id in ["training-total", "imh-specific", "rsc-providing", "dei"] {
        assert_eq!(rule(&o, id).status, RuleStatus::Met, "{id}");
    }
    assert_eq!(rule(&o, "dei").rows, [(2, 3.0)]);
}

#[test]
fn alliance_annual_renewal_with_first_year_grace() {
    let endorsed = d(2025, 3, 1);
    // Hours are first due 2026-12-31.
    let early = evaluate(&alliance(), &renewal(d(2025, 12, 1), endorsed), &[], &[]);
    assert!(
        early
            .result
            .exempt
            .as_deref()
            .is_some_and(|r| r.contains("2026-12-31")),
        "{:?}",
        early.result.exempt
    );
    assert!(early.result.met);
    // In January 2027 the year's 15 h (1 DEI, 3 RSC for a provider) and 12 h RSC are due.
    let due = evaluate(&alliance(), &renewal(d(2027, 1, 15), endorsed), &[], &[]);
    assert!(due.result.exempt.is_none());
    assert_eq!(rule(&due, "renewal-training").required_hours, 15.0);
    assert_eq!(rule(&due, "renewal-dei").required_hours, 1.0);
    assert_eq!(rule(&due, "renewal-rsc-didactic").required_hours, 3.0);
    assert_eq!(rule(&due, "renewal-rsc").required_hours, 12.0);
    // Held 3+ years at renewal: 10 h RSC.
    let seasoned = evaluate(
        &alliance(),
        &renewal(d(2025, 6, 30), d(2021, 1, 1)),
        &[],
        &[],
    );
    assert_eq!(rule(&seasoned, "renewal-rsc").required_hours, 10.0);
}

#[test]
fn dei_is_judged_from_content_not_only_the_title() {
    let fw = crosswalk::framework::load_default().expect("framework");
    let matcher = crosswalk::matcher::Matcher::new(&fw);
    let m = matcher.match_course(
        "Serving Every Family Well",
        "Examining implicit bias and structural racism, and practicing anti-bias, culturally responsive work with parents of infants and toddlers.",
    );
    assert!(
        m.bucket.eligible.contains(&"dei".to_string()),
        "{:?}",
        m.bucket
    );
    let plain = matcher.match_course(
        "Infant Brain Development",
        "Serve and return and early brain development.",
    );
    assert!(!plain.bucket.eligible.contains(&"dei".to_string()));
}
