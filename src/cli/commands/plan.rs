//! `stakenet plan`: the connectieplan of one coalition as SVG, DOT, Markdown or JSON; SVG by the
//! built-in renderer, or by Graphviz `dot` when asked.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use clap::{Args, ValueEnum};

use super::super::options::{OutputArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{PlanConfig, coalition_moment, connectieplan, moment};
use stakenet::names;
use stakenet::render::{json::to_pretty, plan_dot, plan_json, plan_markdown, plan_svg};

pub(crate) const HELP: &str = "\
What it shows (DESIGN 5), for the coalition's themes and the topics of its members' relations:
  regional owners    region-side members (and their units) working on the topic (a theme
                     of theirs, or a relation with that topic)
  rijk counterparts  Rijk-side actors near the coalition (members, actors below a member,
                     actors tied to a member) working on it; when none, the ministries the
                     topic maps to (keywords: onderwijs -> OCW, economie -> EZK,
                     bereikbaarheid -> IenW, arbeidsmarkt -> SZW, zorg -> VWS,
                     veiligheid -> JenV, wonen -> BZK, landbouw -> LNV, ...; a ministry
                     is found by its abbreviation column, (EZK) ending its name, or id min_ezk)
  ties               relations between a Rijk-side actor and a regional member (or a unit of
                     one) whose topic is the topic, or without topic between two actors that
                     both work on it; merged per pair, with the money (amount, euros) they carry
  general            relations without a topic that no topic claims (a lead ministry's funding,
                     the dealmaker's contacts): drawn as the row 'general (ties without a
                     topic)', not a theme, so the Rijk parties with only such ties still show
  status             covered: 2+ ties and no single person on all of them; fragile: one tie,
                     or all through one person; gap: no tie
  proposed           for a gap, each counterpart with the regional owner with the most ties
                     (else the lead, programme office or a regional signatory); for a fragile
                     topic, a second tie that avoids the person it hangs on
Also: Rijk signatories without any tie (theirs or below them) to a regional member, and the
dealmakers (role or kind dealmaker) with their ties.

Dates: the plan describes one date, and says which. Relations and memberships count only when
they hold on it (since/until): a tie that ended no longer covers a topic, a member that left no
longer owns one. --at DATE (YYYY-MM-DD) asks for a date; without it the plan describes today, or
the latest date in the data when that is earlier, moved into the coalition's term (a deal that
ended is described on its last day, one that has not started on its first).

Formats: svg (a drawing: Rijk ministries and departments left, topics middle, region by
sector right, and under it a table of every tie: Rijk party, region party, topic, money), dot (Graphviz source of the same drawing), md (a report section with a table
per status), json (DESIGN's schema). Without --format, the extension of -o FILE decides (.svg,
.dot/.gv, .md or .txt, .json); else md. A file named for another format (plan.pdf, or plan.svg with
--format md) is refused.

--engine dot draws the SVG with Graphviz (`dot -Tsvg`) instead of the built-in renderer; it
needs Graphviz installed.

Examples:
  stakenet plan --coalition rd_twente
  stakenet plan --coalition rd_twente -o twente.svg
  stakenet plan fixtures/twente-analyst --coalition rd_twente --at 2020-06-01 -o twente.svg
  stakenet plan fixtures/connectieplan --coalition twente --format json
  stakenet plan --coalition rd_zuid_hollandse_delta -o delta.svg --engine dot";

/// Output formats of `plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlanFormat {
    /// A drawing (SVG).
    Svg,
    /// Graphviz DOT source of the drawing.
    Dot,
    /// A Markdown report section.
    Md,
    /// JSON (DESIGN's schema).
    Json,
}

/// What draws the SVG.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Engine {
    /// stakenet's own layout; needs no other program.
    #[default]
    Builtin,
    /// Graphviz `dot -Tsvg` on the DOT output; needs Graphviz installed.
    Dot,
}

/// `stakenet plan`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct PlanArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// The coalition to plan (its id, e.g. rd_twente).
    #[arg(long, value_name = "ID")]
    pub(crate) coalition: String,
    /// The date the plan describes (YYYY-MM-DD): only relations and memberships that hold on it
    /// count [default: today, or the latest date in the data, within the coalition's term].
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
    /// Output format [default: from the extension of -o FILE, else md].
    #[arg(long, value_enum)]
    pub(crate) format: Option<PlanFormat>,
    /// What draws the SVG.
    #[arg(long, value_enum, default_value_t = Engine::Builtin)]
    pub(crate) engine: Engine,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, plans, renders (and runs Graphviz when asked).
pub(crate) fn run(args: &PlanArgs) -> Outcome {
    let format = format(args)?;
    if args.engine == Engine::Dot && format != PlanFormat::Svg {
        return Err(Failure::Input(
            "--engine dot draws SVG; use it with --format svg (or -o FILE.svg)".to_owned(),
        ));
    }
    let at = match &args.at {
        Some(text) => Some(names::date(text).map_err(|error| config::name_failure(&error))?),
        None => None,
    };
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let coalition = config::coalition(network, &args.coalition)?;
    let described = coalition_moment(network, coalition, moment(network, at, config::today()));
    let plan = connectieplan(network, coalition, &PlanConfig::default().with_moment(described))
        .map_err(|error| Failure::from_analysis(&error))?;
    let text = match (format, args.engine) {
        (PlanFormat::Svg, Engine::Builtin) => plan_svg(network, &plan),
        (PlanFormat::Svg, Engine::Dot) => graphviz_svg(&plan_dot(network, &plan))?,
        (PlanFormat::Dot, _) => plan_dot(network, &plan),
        (PlanFormat::Md, _) => plan_markdown(network, &plan),
        (PlanFormat::Json, _) => to_pretty(&plan_json(network, &plan)),
    };
    workspace.emit(&args.output, &text)
}

/// The format asked for, or the one the output file's extension names, or Markdown; an
/// extension that names another format is refused.
fn format(args: &PlanArgs) -> Result<PlanFormat, Failure> {
    const FORMATS: [config::Format<PlanFormat>; 4] = [
        config::Format { format: PlanFormat::Svg, name: "svg", extensions: &["svg"] },
        config::Format { format: PlanFormat::Dot, name: "dot", extensions: &["dot", "gv"] },
        config::Format {
            format: PlanFormat::Md,
            name: "md",
            extensions: &["md", "markdown", "txt"],
        },
        config::Format { format: PlanFormat::Json, name: "json", extensions: &["json"] },
    ];
    config::output_format("plan", args.format, &args.output, &FORMATS, Some(PlanFormat::Md))
}

/// Runs `dot -Tsvg` on `dot_text` and returns the SVG.
fn graphviz_svg(dot_text: &str) -> Result<String, Failure> {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::Input(
                "--engine dot: Graphviz `dot` is not installed (or not on PATH); install \
                 Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; \
                 Windows: winget install graphviz) or leave out --engine to use the built-in \
                 renderer"
                    .to_owned(),
            ));
        }
        Err(error) => {
            return Err(Failure::Input(format!("--engine dot: cannot run `dot`: {error}")));
        }
    };
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(Failure::Analysis("--engine dot: no pipes to `dot`".to_owned()));
    };
    // Write, read and collect errors at the same time, so that no pipe fills up and blocks.
    let (written, svg, messages) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let result = stdin.write_all(dot_text.as_bytes());
            drop(stdin);
            result
        });
        let errors = scope.spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let mut svg = Vec::new();
        let read = stdout.read_to_end(&mut svg);
        let written = writer.join().unwrap_or(Ok(()));
        let messages = errors.join().unwrap_or_default();
        (written.and(read.map(|_| ())), svg, messages)
    });
    let status =
        child.wait().map_err(|error| Failure::Analysis(format!("--engine dot: {error}")))?;
    if !status.success() || written.is_err() {
        let messages = messages.trim();
        let said = if messages.is_empty() { String::new() } else { format!(": {messages}") };
        return Err(Failure::Analysis(format!(
            "--engine dot: `dot -Tsvg` failed ({status}){said}"
        )));
    }
    String::from_utf8(svg).map_err(|_| {
        Failure::Analysis("--engine dot: `dot` wrote SVG that is not UTF-8".to_owned())
    })
}
