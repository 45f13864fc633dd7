//! `model-catalog completions`: shell completion scripts.

use super::{finish, stdout, Run};
use clap_complete::Shell;
use std::io::Write;
use std::process::ExitCode;

/// Prints the shell completion script of model-catalog for SHELL.
///
/// For example, for bash: model-catalog completions bash > ~/.local/share/bash-completion/completions/model-catalog
#[derive(Debug, clap::Parser)]
#[command(name = "completions", verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

impl Run for CompletionsArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        // The generators panic on a failed write: generate into memory, then write.
        let mut script = Vec::new();
        clap_complete::generate(
            self.shell,
            &mut super::command(),
            "model-catalog",
            &mut script,
        );
        let mut out = stdout();
        Ok(finish(out.write_all(&script).and_then(|()| out.flush()), 0))
    }
}
