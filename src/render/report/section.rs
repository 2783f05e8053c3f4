//! The one shape every part of the page repeats: a heading and its plain-language explanation,
//! then tables, figures or charts, then links to the data files behind the part and the
//! `stakenet` command that gives the same figures.

use std::fmt::Write as _;

use super::context::Context;
use crate::analysis::MomentBasis;
use crate::model::Date;

/// The commands given the part's date as `--at DATE`. Not `compare`: without `--at` it
/// describes the report's default date as the report does, each deal within its term (its
/// `--at` is given only when the report's date was asked for).
const DATED: [&str; 7] =
    ["centrality", "brokerage", "layers", "asymmetry", "interdependence", "suspects", "plan"];
use super::format::{esc, shell_word};
use super::naming::{ReportFile, file};

/// A part of the page being written: its markup goes to the page, its data files to the
/// report, and each of those files is linked at its end.
pub(super) struct Section<'a, 'n> {
    /// The page.
    pub(super) out: &'a mut String,
    files: &'a mut Vec<ReportFile>,
    /// What every part of the page needs to look up.
    pub(super) context: &'a Context<'n>,
    /// The files of this part, in the order they are linked.
    links: Vec<String>,
    /// Whether the part is wrapped in `<section>`.
    wrapped: bool,
    /// The date its figures describe, given to the commands that take `--at`.
    at: Option<Date>,
}

impl<'a, 'n> Section<'a, 'n> {
    /// A part of the overview: `<section id="…">` with an `<h3>` heading and the explanation.
    pub(super) fn wrapped(
        out: &'a mut String,
        files: &'a mut Vec<ReportFile>,
        context: &'a Context<'n>,
        id: &str,
        heading: &str,
        explanation: &str,
    ) -> Self {
        let _ = writeln!(out, "<section id=\"{id}\">");
        let mut section = Section::headed(out, files, context, heading, explanation);
        section.wrapped = true;
        section
    }

    /// A part of a coalition's section: an `<h3>` heading and the explanation.
    pub(super) fn headed(
        out: &'a mut String,
        files: &'a mut Vec<ReportFile>,
        context: &'a Context<'n>,
        heading: &str,
        explanation: &str,
    ) -> Self {
        let _ = writeln!(out, "<h3>{heading}</h3>");
        let at = context.report.moment.date;
        let mut section = Section { out, files, context, links: Vec::new(), wrapped: false, at };
        section.explain(explanation);
        section
    }

    /// The part describes `at` (a coalition's date, when it differs from the report's).
    #[must_use]
    pub(super) fn dated(mut self, at: Option<Date>) -> Self {
        self.at = at;
        self
    }

    /// A plain-language explanation.
    pub(super) fn explain(&mut self, text: &str) {
        let _ = writeln!(self.out, "<p class=\"explain\">{}</p>", esc(text));
    }

    /// Adds a file to the report, linked at the end of the part.
    pub(super) fn file(&mut self, path: &str, contents: String) {
        self.files.push(file(path, contents));
        self.links.push(path.to_owned());
    }

    /// A table that scrolls on narrow screens: `head` holds the header cells, `rows` writes the
    /// rows.
    pub(super) fn table(&mut self, head: &str, rows: impl FnOnce(&mut String)) {
        let _ = writeln!(
            self.out,
            "<div class=\"scroll\"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>"
        );
        rows(self.out);
        self.out.push_str("</tbody>\n</table></div>\n");
    }

    /// Ends the part: links to its files, the command that gives the same figures (`text`:
    /// `;`-separated `stakenet COMMAND OPTIONS…`, when there is one), and `</section>` when
    /// wrapped.
    pub(super) fn end(self, command: Option<&str>) {
        let line = command.map(|text| commands(self.context, text, self.at));
        self.end_with(line.as_deref());
    }

    /// Ends the part as [`Section::end`] does, naming `line` as the command exactly as given
    /// (the caller writes every argument, the workspace's too).
    pub(super) fn end_with(self, line: Option<&str>) {
        let items: Vec<String> = self
            .links
            .iter()
            .map(|path| {
                let name = path.rsplit('/').next().unwrap_or(path);
                format!("<a href=\"{}\">{}</a>", esc(path), esc(name))
            })
            .collect();
        let _ = writeln!(self.out, "<p class=\"files\">Data: {}</p>", items.join(" "));
        if let Some(line) = line {
            let _ = writeln!(
                self.out,
                "<p class=\"command\">Same figures: <code>{}</code></p>",
                esc(line)
            );
        }
        if self.wrapped {
            self.out.push_str("</section>\n");
        }
    }
}

/// `text`: `;`-separated `stakenet COMMAND OPTIONS…`, each given the workspace argument after
/// COMMAND (and the profile, for the commands that read one, and `--at DATE` for those that
/// take a date, when the part describes one).
fn commands(context: &Context<'_>, text: &str, at: Option<Date>) -> String {
    let report = context.report;
    let commands: Vec<String> = text
        .split("; ")
        .map(|part| {
            let mut words = part.splitn(3, ' ');
            let (program, name, rest) =
                (words.next().unwrap_or(""), words.next().unwrap_or(""), words.next());
            let mut line = format!("{program} {name}");
            if let Some(workspace) = &report.source.workspace_argument {
                line.push(' ');
                line.push_str(&shell_word(workspace));
            }
            if let Some(rest) = rest {
                line.push(' ');
                line.push_str(rest);
            }
            if let (Some(profile), "compare" | "suspects") = (&report.source.profile_argument, name)
            {
                line.push_str(" --profile ");
                line.push_str(&shell_word(profile));
            }
            if let (Some(sample), "centrality") = (report.source.sample, name) {
                line.push_str(&format!(" --sample {} --seed {}", sample.pivots, sample.seed));
            }
            let asked = report.moment.basis == MomentBasis::Asked;
            if let Some(date) = at.filter(|_| DATED.contains(&name) || (name == "compare" && asked))
            {
                line.push_str(&format!(" --at {date}"));
            }
            line
        })
        .collect();
    commands.join("; ")
}
