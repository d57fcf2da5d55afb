//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `crosswalk` binary with arguments in a folder.
pub fn crosswalk_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run crosswalk")
}

/// Runs the `crosswalk` binary from the crate root.
pub fn crosswalk(args: &[&str]) -> Output {
    crosswalk_in(&root(), args)
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A course worded like the [`LULLABY_EXAMPLES`], which they lift toward Developmental
/// Guidance.
pub const LULLABY_COURSE: (&str, &str) = (
    "Lullaby Circle",
    "Singing lullabies to soothe a crying newborn.",
);

/// Two labeled courses about lullabies, as a user's `--examples` file: the second names a
/// knowledge area ("Infant/Young Child Development & Behavior") that derived frameworks word
/// differently.
pub const LULLABY_EXAMPLES: &str = "Title,Description,Knowledge areas\n\
    Lullaby Circles for New Parents,Parents of newborns sing together and learn how singing \
    soothes a crying baby.,Developmental Guidance\n\
    Singing With Babies,Songs and lullabies that calm a fussy infant; ideas for parents.,\
    Developmental Guidance; Infant/Young Child Development & Behavior\n";
