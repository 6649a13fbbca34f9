//! Colors for the console: ANSI styles when standard output is a terminal (and `NO_COLOR` is
//! unset), plain text otherwise, so logs and pipes never carry escape codes; `--color always`
//! or `never` decides instead.

use crate::outcome::Outcome;
use std::io::IsTerminal as _;
use std::sync::OnceLock;

/// `--color`: when the console is colored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    // On a terminal that wants colors (no `NO_COLOR`, no `TERM=dumb`).
    #[default]
    Auto,
    Always,
    Never,
}

static CHOICE: OnceLock<ColorChoice> = OnceLock::new();

/// Sets `--color` for the whole command (the first call wins).
pub fn choose(choice: ColorChoice) {
    let _ = CHOICE.set(choice);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    pub const PLAIN: Paint = Paint { enabled: false };
    pub const ANSI: Paint = Paint { enabled: true };

    /// Colors as `--color` says: by default when standard output is a terminal that wants them.
    pub fn for_stdout() -> Paint {
        let enabled = match CHOICE.get().copied().unwrap_or_default() {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let wanted = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
                wanted && std::io::stdout().is_terminal()
            }
        };
        Paint { enabled }
    }

    pub fn red(self, text: &str) -> String {
        self.style("31", text)
    }

    pub fn bold_red(self, text: &str) -> String {
        self.style("1;31", text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.style("33", text)
    }

    pub fn green(self, text: &str) -> String {
        self.style("32", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.style("2", text)
    }

    /// The outcome's tag in its color: red failures, yellow warnings and known failures, blue
    /// flaky ones, magenta stale ones.
    pub fn outcome(self, outcome: Outcome, text: &str) -> String {
        let code = match outcome {
            Outcome::Pass => "32",
            Outcome::Warn => "1;33",
            Outcome::Fail => "1;31",
            Outcome::ExpectedFail => "33",
            Outcome::UnexpectedPass => "1;35",
            Outcome::NotApplicable => "2",
            Outcome::Error => "1;31",
            Outcome::Flaky => "1;34",
        };
        self.style(code, text)
    }

    fn style(self, code: &str, text: &str) -> String {
        if self.enabled { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
}
