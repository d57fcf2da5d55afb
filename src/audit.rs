//! The audit pipeline end to end, without I/O beyond reading the inputs: catalogs in, an
//! [`AuditReport`] out.

use crate::allocate::{self, Offer};
use crate::catalog::{self, ReadOptions};
use crate::coverage::{self, CourseLinks, CoverageStatus};
use crate::error::Result;
use crate::framework::Framework;
use crate::matcher::{CourseMatch, Matcher};
use crate::normalize::{self, Course, NormalizeOptions, Skipped, Warning, hours::HOURS_PER_CEU};
use crate::report::{
    AllocationReport, AreaReport, AuditReport, BucketCount, ColumnReport, CountedReport,
    CourseReport, CovererReport, GapReport, InputReport, KaMatchReport, KaReport, Settings,
    SkippedReport, Summary, ToolInfo,
};
use crate::source::column_letters;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::PathBuf;

/// What an audit reads and how.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// Catalog files.
    pub inputs: Vec<PathBuf>,
    /// Reading options.
    pub read: ReadOptions,
    /// Normalization options.
    pub normalize: NormalizeOptions,
    /// Threads for matching; all cores when `None`.
    pub threads: Option<usize>,
}

/// Catalogs read and normalized, before matching.
#[derive(Debug, Default)]
pub struct Loaded {
    /// One report per input file.
    pub inputs: Vec<InputReport>,
    /// Courses of all files, in order.
    pub courses: Vec<Course>,
    /// Rows not used.
    pub skipped: Vec<Skipped>,
    /// Used rows worth a look.
    pub warnings: Vec<Warning>,
}

impl Loaded {
    /// Appends what another read held: its input reports, courses, skipped rows and warnings.
    pub fn append(&mut self, other: Loaded) {
        self.inputs.extend(other.inputs);
        self.courses.extend(other.courses);
        self.skipped.extend(other.skipped);
        self.warnings.extend(other.warnings);
    }

    /// Adds one catalog read and normalized: its input report, courses, skipped rows and
    /// warnings.
    pub fn add(&mut self, table: &catalog::CatalogTable, normalized: normalize::Normalized) {
        self.inputs.push(InputReport {
            file: table.path.clone(),
            format: table.format.name(),
            sha256: table.sha256.clone(),
            sheet: table.sheet.name.clone(),
            header_row: table.sheet.rows[table.header_index].number,
            columns: table
                .columns
                .columns
                .iter()
                .map(|(role, col, header)| ColumnReport {
                    role: *role,
                    column: column_letters(*col),
                    header: header.clone(),
                })
                .collect(),
            rows_seen: normalized.rows_seen,
            rows_used: normalized.courses.len(),
            rows_skipped: normalized.rows_skipped,
            notes: table.notes.clone(),
        });
        self.courses.extend(normalized.courses);
        self.skipped.extend(normalized.skipped);
        self.warnings.extend(normalized.warnings);
    }
}

/// Reads the catalogs and normalizes their rows.
pub fn load(options: &AuditOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    for path in &options.inputs {
        let table = catalog::read(path, &options.read)?;
        let normalized = normalize::normalize(&table, &options.normalize);
        loaded.add(&table, normalized);
    }
    Ok(loaded)
}

/// Runs the whole audit.
pub fn run(fw: &Framework, options: &AuditOptions) -> Result<AuditReport> {
    run_with_progress(fw, options, &|_, _| {})
}

/// Runs the whole audit, calling `progress` with the courses matched so far and in all.
pub fn run_with_progress(
    fw: &Framework,
    options: &AuditOptions,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<AuditReport> {
    let loaded = load(options)?;
    let matches = match_all(fw, &loaded.courses, options.threads, progress)?;
    Ok(assemble(fw, options, loaded, matches))
}

/// Matches every course, across `threads` threads (all cores when `None`). Each course is
/// matched on its own, and results keep the input order, so the outcome is the same whatever
/// the number of threads.
pub fn match_all(
    fw: &Framework,
    courses: &[Course],
    threads: Option<usize>,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<Vec<CourseMatch>> {
    match_with(&Matcher::new(fw), courses, threads, progress)
}

/// [`match_all`] with a matcher built beforehand (built once, used for many catalogs). A
/// training listed many times with the same title and description is matched once.
pub fn match_with(
    matcher: &Matcher,
    courses: &[Course],
    threads: Option<usize>,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<Vec<CourseMatch>> {
    // Each course's first listing, and the courses that are first listings.
    let mut first: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    let mut unique: Vec<&Course> = Vec::new();
    let slot: Vec<usize> = courses
        .iter()
        .map(|c| {
            *first
                .entry((c.title.as_str(), c.description.as_str()))
                .or_insert_with(|| {
                    unique.push(c);
                    unique.len() - 1
                })
        })
        .collect();
    let total = unique.len() as u64;
    let done = std::sync::atomic::AtomicU64::new(0);
    let work = || -> Vec<CourseMatch> {
        let matched: Vec<CourseMatch> = unique
            .par_iter()
            .map(|c| {
                let m = matcher.match_course(&c.title, &c.description);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n % 256 == 0 || n == total {
                    progress(n, total);
                }
                m
            })
            .collect();
        if matched.len() == slot.len() {
            return matched;
        }
        slot.par_iter().map(|&u| matched[u].clone()).collect()
    };
    match threads {
        None => Ok(work()),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map(|pool| pool.install(work))
            .map_err(|e| crate::error::Error::Usage(format!("cannot start {n} threads: {e}"))),
    }
}

/// Builds the report from matched courses: coverage graph, allocation, gaps.
pub fn assemble(
    fw: &Framework,
    options: &AuditOptions,
    loaded: Loaded,
    matches: Vec<CourseMatch>,
) -> AuditReport {
    let Loaded {
        inputs,
        courses,
        skipped,
        warnings,
    } = loaded;
    let links: Vec<CourseLinks> = courses
        .iter()
        .zip(&matches)
        .map(|(c, m)| CourseLinks {
            hours: c.hours.unwrap_or(0.0),
            knowledge_areas: m.selected().map(|s| (s.ka, s.score)).collect(),
            buckets: &m.bucket.eligible,
        })
        .collect();
    let coverage = coverage::build(fw, &links);
    let offers: Vec<Offer> = courses
        .iter()
        .zip(&matches)
        .map(|(c, m)| Offer {
            hours: c.hours.unwrap_or(0.0),
            eligible: m.bucket.eligible.clone(),
        })
        .collect();
    let allocation = allocate::allocate(fw, &offers);

    let allocation_reports = allocation
        .lines
        .iter()
        .map(|l| AllocationReport {
            course: courses[l.course].id.clone(),
            title: courses[l.course].title.clone(),
            source: courses[l.course].source.clone(),
            requirement: l.requirement.clone(),
            hours: l.hours,
        })
        .collect();

    let coverage_reports: Vec<KaReport> = coverage
        .knowledge_areas
        .iter()
        .map(|kc| {
            let ka = &fw.knowledge_areas[kc.ka];
            KaReport {
                id: ka.id.clone(),
                name: ka.name.clone(),
                area: fw.area_name_of(ka).to_string(),
                status: kc.status,
                courses: kc
                    .courses
                    .iter()
                    .map(|cv| CovererReport {
                        id: courses[cv.course].id.clone(),
                        source: courses[cv.course].source.clone(),
                        score: cv.score,
                    })
                    .collect(),
                hours: kc.hours,
                best_score: kc.best_score,
            }
        })
        .collect();

    let gaps: Vec<GapReport> = coverage
        .knowledge_areas
        .iter()
        .filter(|kc| kc.status != CoverageStatus::Covered)
        .map(|kc| {
            let ka = &fw.knowledge_areas[kc.ka];
            let area = fw.area(&ka.area);
            let reason = match kc.status {
                CoverageStatus::Uncovered => "no training in the catalog covers this".to_string(),
                CoverageStatus::OtherEvidence => format!(
                    "no training covers this; {}",
                    area.and_then(|a| a.evidence_note.clone())
                        .unwrap_or_else(|| "documented mainly by other evidence".to_string())
                ),
                CoverageStatus::Weak => kc.note.clone().unwrap_or_default(),
                CoverageStatus::Covered => String::new(),
            };
            GapReport {
                id: ka.id.clone(),
                name: ka.name.clone(),
                area: fw.area_name_of(ka).to_string(),
                status: kc.status,
                reason,
            }
        })
        .collect();

    let areas = coverage
        .areas
        .iter()
        .map(|ac| {
            let area = &fw.areas[ac.area];
            AreaReport {
                id: area.id.clone(),
                name: area.name.clone(),
                evidenced_by: area.evidenced_by,
                knowledge_areas: ac.knowledge_areas,
                covered: ac.covered,
                weak: ac.weak,
                uncovered: ac.uncovered,
            }
        })
        .collect();

    // The hours each course counts toward each requirement, by course.
    let mut counted: Vec<Vec<CountedReport>> = vec![Vec::new(); courses.len()];
    for line in &allocation.lines {
        counted[line.course].push(CountedReport {
            requirement: line.requirement.clone(),
            hours: line.hours,
        });
    }
    // Courses and matches are moved into the report, not copied.
    let ka_report = |s: crate::matcher::KaScore| KaMatchReport {
        id: fw.knowledge_areas[s.ka].id.clone(),
        name: fw.knowledge_areas[s.ka].name.clone(),
        area: fw.area_name_of(&fw.knowledge_areas[s.ka]).to_string(),
        score: s.score,
        evidence: s.evidence,
        like: s.like,
        via: s.via,
        decided_by: s.reviewed.then(|| "reviewer".to_string()),
    };
    let course_reports: Vec<CourseReport> = courses
        .into_par_iter()
        .zip(matches)
        .zip(counted)
        .map(|((course, m), counted)| CourseReport {
            course,
            bucket: m.bucket.bucket,
            eligible_buckets: m.bucket.eligible,
            bucket_reason: m.bucket.reason,
            thin: m.thin,
            typos: m
                .corrections
                .iter()
                .map(|(from, to)| format!("{from} -> {to}"))
                .collect(),
            set_aside: m.set_aside,
            knowledge_areas: m
                .candidates
                .into_iter()
                .filter(|c| c.selected)
                .map(ka_report)
                .collect(),
            counted,
            review: m.review,
        })
        .collect();

    let mut buckets: Vec<BucketCount> = fw
        .buckets
        .iter()
        .map(|b| b.id.clone())
        .chain(std::iter::once(crate::matcher::NONE_BUCKET.to_string()))
        .map(|bucket| {
            let members: Vec<&CourseReport> = course_reports
                .iter()
                .filter(|c| c.bucket == bucket)
                .collect();
            BucketCount {
                courses: members.len(),
                hours: normalize::round2(members.iter().filter_map(|c| c.course.hours).sum()),
                bucket,
            }
        })
        .collect();
    buckets.retain(|b| b.courses > 0 || b.bucket != crate::matcher::NONE_BUCKET);

    let count = |s: CoverageStatus| {
        coverage
            .knowledge_areas
            .iter()
            .filter(|k| k.status == s)
            .count()
    };
    let summary = Summary {
        rows_seen: inputs.iter().map(|i| i.rows_seen).sum(),
        rows_used: course_reports.len(),
        rows_skipped: inputs.iter().map(|i| i.rows_skipped).sum(),
        courses_with_hours: course_reports
            .iter()
            .filter(|c| c.course.hours.is_some())
            .count(),
        total_hours: normalize::round2(course_reports.iter().filter_map(|c| c.course.hours).sum()),
        buckets,
        thin_courses: course_reports.iter().filter(|c| c.thin).count(),
        knowledge_areas_covered: count(CoverageStatus::Covered),
        knowledge_areas_weak: count(CoverageStatus::Weak),
        knowledge_areas_uncovered: count(CoverageStatus::Uncovered),
        knowledge_areas_other_evidence: count(CoverageStatus::OtherEvidence),
        requirements_met: allocation.requirements.iter().filter(|r| r.met).count(),
        requirements: allocation.requirements.len(),
    };

    AuditReport {
        tool: ToolInfo::default(),
        framework: fw.framework.clone(),
        settings: Settings {
            credit_factor: options.normalize.credit_factor,
            ceu_factor: HOURS_PER_CEU,
            hours_count_once: fw.counting.hours_count_once,
            min_score: fw.matching.min_score,
            strong_score: fw.coverage.strong_score,
            weak_below_hours: fw.coverage.weak_below_hours,
        },
        inputs,
        summary,
        courses: course_reports,
        requirements: allocation.requirements,
        allocation: allocation_reports,
        areas,
        coverage: coverage_reports,
        gaps,
        skipped: skipped.into_iter().map(SkippedReport::from).collect(),
        warnings,
        restated_from: None,
    }
}

/// The changes a crosswalk makes, with names, for the report.
pub fn restatement(
    cw: &crate::crosswalk::Crosswalk,
    from: &Framework,
    to: &Framework,
) -> crate::report::Restatement {
    use crate::crosswalk::Relation;
    let names = |fw: &Framework, ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| {
                fw.knowledge_area_index(id)
                    .map(|k| fw.knowledge_areas[k].name.clone())
            })
            .collect()
    };
    crate::report::Restatement {
        framework: from.framework.clone(),
        note: cw.crosswalk.note.clone(),
        changes: cw
            .maps
            .iter()
            .filter(|m| m.relation != Relation::Same)
            .map(|m| crate::report::ChangedArea {
                relation: m.relation,
                from: names(from, &m.from),
                to: names(to, &m.to),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceRef;

    fn course(row: u32, title: &str, description: &str) -> Course {
        Course {
            source: SourceRef {
                file: "catalog.csv".into(),
                sheet: None,
                row,
            },
            id: format!("row {row}"),
            title: title.into(),
            description: description.into(),
            hours: Some(1.0),
            hours_note: None,
            provider: None,
            date: None,
            format: None,
            level: None,
        }
    }

    #[test]
    fn a_training_listed_again_is_matched_once_and_given_to_every_listing() {
        let fw = crate::framework::load_default().expect("bundled framework");
        let matcher = Matcher::with_examples(&fw, Vec::new());
        let texts = [
            (
                "Reflective Supervision Basics",
                "The supervisory relationship.",
            ),
            ("Budgeting for Managers", "Spreadsheets and forecasts."),
            ("Toddler Tantrums", "Why toddlers melt down."),
        ];
        let order = [0, 1, 0, 2, 1, 0];
        let courses: Vec<Course> = order
            .iter()
            .enumerate()
            .map(|(row, &t)| course(row as u32 + 2, texts[t].0, texts[t].1))
            .collect();
        let totals = std::sync::Mutex::new(Vec::new());
        let record = |_: u64, total: u64| totals.lock().expect("test lock").push(total);
        let matched = match_with(&matcher, &courses, Some(1), &record).expect("matched");
        assert_eq!(matched.len(), courses.len());
        for (m, &t) in matched.iter().zip(&order) {
            let alone = matcher.match_course(texts[t].0, texts[t].1);
            assert_eq!(m.bucket, alone.bucket, "{}", texts[t].0);
            let areas = |m: &CourseMatch| m.selected().map(|s| s.ka).collect::<Vec<_>>();
            assert_eq!(areas(m), areas(&alone), "{}", texts[t].0);
        }
        assert_eq!(
            totals.into_inner().expect("test lock"),
            [3],
            "three distinct trainings"
        );
    }
}
