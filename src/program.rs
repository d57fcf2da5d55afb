//! Program alignment for universities: a curriculum map of courses by knowledge areas for one
//! or more frameworks, with the depth of each match, introduced/reinforced/mastered levels,
//! coverage and hours per knowledge area, gaps per area of expertise, courses that are the sole
//! source of a knowledge area, and heavily redundant knowledge areas.

use crate::audit::Loaded;
use crate::framework::{Framework, FrameworkInfo};
use crate::matcher::CourseMatch;
use crate::normalize::Course;
use crate::report::{InputReport, SkippedReport, ToolInfo};
use serde::Serialize;

/// Where a course sits in the program's progression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// Introduced.
    I,
    /// Reinforced.
    R,
    /// Mastered.
    M,
}

impl Level {
    /// Reads "I", "R", "M", "introduced", "reinforced", "mastery"... (English and Spanish).
    pub fn parse(text: &str) -> Option<Level> {
        let t = crate::text::fold(text.trim());
        let word = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        match word {
            "i" | "intro" | "introduced" | "introduction" | "introductory" | "introducido" => {
                Some(Level::I)
            }
            "r" | "reinforced" | "reinforce" | "reinforcement" | "developing" | "reforzado" => {
                Some(Level::R)
            }
            "m" | "mastered" | "mastery" | "master" | "advanced" | "dominio" => Some(Level::M),
            _ => None,
        }
    }
}

/// How a course's level was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelSource {
    /// The course list's level column.
    Column,
    /// Implied by the course number.
    CourseNumber,
}

/// One course of the program.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramCourse {
    /// The course as read.
    #[serde(flatten)]
    pub course: Course,
    /// Its level, if known.
    pub curriculum_level: Option<Level>,
    /// How the level was found.
    pub level_source: Option<LevelSource>,
}

/// A course's match to one knowledge area, on the map.
#[derive(Debug, Clone, Serialize)]
pub struct MapCell {
    /// Course index.
    pub course: usize,
    /// Knowledge-area id.
    pub knowledge_area: String,
    /// Match score, 0 to 1.
    pub score: f64,
    /// Depth from the score: 1 touched, 2 taught, 3 central.
    pub depth: u8,
    /// Vocabulary entries found.
    pub evidence: Vec<String>,
    /// Titles of the labeled examples that voted for the match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub like: Vec<String>,
}

/// One knowledge area across the program.
#[derive(Debug, Clone, Serialize)]
pub struct KaRollup {
    /// Knowledge-area id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Area of expertise.
    pub area: String,
    /// Courses that teach it.
    pub courses: usize,
    /// Their clock hours.
    pub hours: f64,
    /// Courses per level (I, R, M) among those with a known level.
    pub levels: [usize; 3],
    /// The one course that teaches it, when only one does: removing it opens a gap.
    pub sole_source: Option<String>,
    /// Taught by so many courses that some may be trimmed.
    pub redundant: bool,
}

/// One area of expertise across the program.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRollup {
    /// Area name.
    pub name: String,
    /// Knowledge areas in it.
    pub knowledge_areas: usize,
    /// Of which taught by at least one course.
    pub mapped: usize,
    /// The names of those no course teaches.
    pub not_mapped: Vec<String>,
}

/// The map for one framework.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkMap {
    /// The framework.
    pub framework: FrameworkInfo,
    /// Every (course, knowledge area) match.
    pub cells: Vec<MapCell>,
    /// Per knowledge area, in framework order.
    pub knowledge_areas: Vec<KaRollup>,
    /// Per area, in framework order.
    pub areas: Vec<AreaRollup>,
}

/// The whole program report.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramReport {
    /// The tool.
    pub tool: ToolInfo,
    /// Clock hours per credit used.
    pub clock_hours_per_credit: f64,
    /// How levels were found, in words.
    pub level_rule: String,
    /// Inputs.
    pub inputs: Vec<InputReport>,
    /// Courses, in input order.
    pub courses: Vec<ProgramCourse>,
    /// One map per framework.
    pub frameworks: Vec<FrameworkMap>,
    /// Rows not used.
    pub skipped: Vec<SkippedReport>,
}

/// A knowledge area taught by at least this many courses, and by half of them or more, is
/// reported as heavily redundant.
pub const REDUNDANT_MIN_COURSES: usize = 4;

/// The rule used when the course list has no level column.
pub const LEVEL_RULE: &str = "a level column when the course list has one; otherwise course numbers: the program's lowest hundreds band (e.g. 500-level) is I, the next R, higher M; no level when all numbers share one band";

/// Levels for every course, from the level column or the course numbers.
pub fn levels(courses: &[Course]) -> Vec<(Option<Level>, Option<LevelSource>)> {
    let numbers: Vec<Option<u32>> = courses.iter().map(|c| course_number(&c.id)).collect();
    let bands: Vec<u32> = numbers.iter().flatten().map(|n| n / 100).collect();
    let lowest = bands.iter().min().copied();
    let spread = bands
        .iter()
        .max()
        .copied()
        .zip(lowest)
        .map_or(0, |(hi, lo)| hi - lo);
    courses
        .iter()
        .zip(&numbers)
        .map(|(c, n)| {
            if let Some(level) = c.level.as_deref().and_then(Level::parse) {
                return (Some(level), Some(LevelSource::Column));
            }
            match (n, lowest) {
                (Some(n), Some(lo)) if spread > 0 => {
                    let level = match n / 100 - lo {
                        0 => Level::I,
                        1 => Level::R,
                        _ => Level::M,
                    };
                    (Some(level), Some(LevelSource::CourseNumber))
                }
                _ => (None, None),
            }
        })
        .collect()
}

/// The first run of three or four digits in a course id ("IMH 501" -> 501).
fn course_number(id: &str) -> Option<u32> {
    id.split(|c: char| !c.is_ascii_digit())
        .find(|run| (3..=4).contains(&run.len()))
        .and_then(|run| run.parse().ok())
}

/// Builds the map of one framework from courses and their matches.
pub fn map(fw: &Framework, courses: &[ProgramCourse], matches: &[CourseMatch]) -> FrameworkMap {
    let depth = |score: f64| -> u8 {
        if score >= 0.75 {
            3
        } else if score >= 0.5 {
            2
        } else {
            1
        }
    };
    let cells: Vec<MapCell> = matches
        .iter()
        .enumerate()
        .flat_map(|(c, m)| {
            m.selected().map(move |s| MapCell {
                course: c,
                knowledge_area: fw.knowledge_areas[s.ka].id.clone(),
                score: s.score,
                depth: depth(s.score),
                evidence: s.evidence.clone(),
                like: s.like.clone(),
            })
        })
        .collect();
    let redundant_at = REDUNDANT_MIN_COURSES.max(courses.len().div_ceil(2));
    let knowledge_areas: Vec<KaRollup> = fw
        .knowledge_areas
        .iter()
        .map(|ka| {
            let teaching: Vec<&MapCell> =
                cells.iter().filter(|x| x.knowledge_area == ka.id).collect();
            let mut levels = [0usize; 3];
            for cell in &teaching {
                if let Some(level) = courses[cell.course].curriculum_level {
                    levels[level as usize] += 1;
                }
            }
            let hours: f64 = teaching
                .iter()
                .filter_map(|x| courses[x.course].course.hours)
                .sum();
            KaRollup {
                id: ka.id.clone(),
                name: ka.name.clone(),
                area: fw.area_name_of(ka).to_string(),
                courses: teaching.len(),
                hours: crate::normalize::round2(hours),
                levels,
                sole_source: (teaching.len() == 1)
                    .then(|| courses[teaching[0].course].course.id.clone()),
                redundant: teaching.len() >= redundant_at,
            }
        })
        .collect();
    let areas = fw
        .areas
        .iter()
        .map(|area| {
            let members: Vec<&KaRollup> = knowledge_areas
                .iter()
                .zip(&fw.knowledge_areas)
                .filter(|(_, ka)| ka.area == area.id)
                .map(|(r, _)| r)
                .collect();
            AreaRollup {
                name: area.name.clone(),
                knowledge_areas: members.len(),
                mapped: members.iter().filter(|m| m.courses > 0).count(),
                not_mapped: members
                    .iter()
                    .filter(|m| m.courses == 0)
                    .map(|m| m.name.clone())
                    .collect(),
            }
        })
        .collect();
    FrameworkMap {
        framework: fw.framework.clone(),
        cells,
        knowledge_areas,
        areas,
    }
}

/// Puts the program report together.
pub fn report(
    loaded: Loaded,
    clock_hours_per_credit: f64,
    maps: impl FnOnce(&[ProgramCourse]) -> Vec<FrameworkMap>,
) -> ProgramReport {
    let Loaded {
        inputs,
        courses,
        skipped,
        ..
    } = loaded;
    let levels = levels(&courses);
    let courses: Vec<ProgramCourse> = courses
        .into_iter()
        .zip(levels)
        .map(|(course, (curriculum_level, level_source))| ProgramCourse {
            course,
            curriculum_level,
            level_source,
        })
        .collect();
    let frameworks = maps(&courses);
    ProgramReport {
        tool: ToolInfo::default(),
        clock_hours_per_credit,
        level_rule: LEVEL_RULE.to_string(),
        inputs,
        courses,
        frameworks,
        skipped: skipped.into_iter().map(SkippedReport::from).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_from_words_and_letters() {
        assert_eq!(Level::parse("I"), Some(Level::I));
        assert_eq!(Level::parse("Reinforced"), Some(Level::R));
        assert_eq!(Level::parse("mastery"), Some(Level::M));
        assert_eq!(Level::parse("Beginner"), None);
    }

    #[test]
    fn course_numbers_imply_levels_across_bands_only() {
        assert_eq!(course_number("IMH 501"), Some(501));
        assert_eq!(course_number("SW-6120"), Some(6120));
        assert_eq!(course_number("Module 3"), None);
    }
}
