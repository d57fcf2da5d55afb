//! `crosswalk frameworks`: list, show as a tree, or check a file.

use crate::cli::{FrameworksAction, FrameworksArgs};
use crosswalk::framework::{self, BUNDLED, EvidencedBy};

pub fn run(args: FrameworksArgs) -> anyhow::Result<()> {
    match args.action.unwrap_or(FrameworksAction::List) {
        FrameworksAction::List => {
            for bundled in BUNDLED {
                let fw = framework::parse(bundled.text, bundled.id)?;
                let default = if bundled.id == framework::DEFAULT_ID {
                    " (default)"
                } else {
                    ""
                };
                println!(
                    "{:<14} {} ({}), {} areas, {} knowledge areas{default}",
                    fw.framework.id,
                    fw.framework.title,
                    fw.framework.version,
                    fw.areas.len(),
                    fw.knowledge_areas.len()
                );
            }
        }
        FrameworksAction::Show { id } => {
            let fw = framework::load(&id)?;
            println!(
                "{} ({}, {})",
                fw.framework.title, fw.framework.id, fw.framework.version
            );
            println!("source: {}", fw.framework.source);
            for area in &fw.areas {
                let note = match area.evidenced_by {
                    EvidencedBy::Training => "",
                    EvidencedBy::Other => "  [mainly other evidence]",
                };
                let designations = if area.designations.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", area.designations.join(", "))
                };
                let label = area
                    .item_label
                    .as_ref()
                    .map(|l| format!("  [{l}]"))
                    .unwrap_or_default();
                println!("  {}{designations}{label}{note}", area.name);
                for ka in fw.knowledge_areas.iter().filter(|k| k.area == area.id) {
                    println!("    {}  ({})", ka.name, ka.id);
                }
            }
            if !fw.requirements.is_empty() {
                println!("requirements:");
                for r in &fw.requirements {
                    println!("  {:<18} {:>5} h  {}", r.id, r.hours, r.name);
                }
            }
        }
        FrameworksAction::Check { path } => {
            let fw = framework::load(&path.to_string_lossy())?;
            println!(
                "{}: valid ({} areas, {} knowledge areas, {} requirements)",
                path.display(),
                fw.areas.len(),
                fw.knowledge_areas.len(),
                fw.requirements.len()
            );
        }
    }
    Ok(())
}
