//! Turning raw arguments into validated library configurations: names resolved to ids, dates
//! parsed, thread pool set up. Every rejection names the value and what would be accepted.

use std::io::IsTerminal;

use super::Failure;
use super::args::{ListFormat, ThreadsArgs, ViewArgs};
use crate::analysis::GroupBy;
use crate::model::{COMEMBERSHIP, Date, Level, Network, join_alternatives};
use crate::view::{LayerChoice, Scope, ViewSpec};

/// The view selected by the arguments.
pub(crate) fn view_spec(network: &Network, args: &ViewArgs) -> Result<ViewSpec, Failure> {
    let scope = match &args.coalition {
        None => Scope::All,
        Some(key) => match network.coalition_id(key) {
            Some(id) => Scope::Coalition(id),
            None => return Err(unknown_coalition(network, key)),
        },
    };
    let layers = if args.layers.is_empty() {
        None
    } else {
        let mut chosen = Vec::with_capacity(args.layers.len());
        for name in &args.layers {
            let choice = if name.eq_ignore_ascii_case(COMEMBERSHIP) {
                LayerChoice::Comembership
            } else {
                match network.layer_id(name) {
                    Some(id) => LayerChoice::Explicit(id),
                    None => {
                        let known =
                            network.layers().iter().map(|l| l.name.as_str()).chain([COMEMBERSHIP]);
                        return Err(Failure::Input(format!(
                            "error: --layer {name}: no such layer; this workspace has {}",
                            join_alternatives(known)
                        )));
                    }
                }
            };
            if !chosen.contains(&choice) {
                chosen.push(choice);
            }
        }
        Some(chosen)
    };
    let level = match &args.level {
        None => None,
        Some(text) => Some(Level::parse(text).ok_or_else(|| {
            Failure::Input(format!(
                "error: --level {text}: unknown level; expected {}",
                Level::accepted()
            ))
        })?),
    };
    let at = match &args.at {
        None => None,
        Some(text) => Some(Date::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            Failure::Input(format!(
                "error: --at {text}: not a date; expected YYYY-MM-DD, e.g. 2020-07-01"
            ))
        })?),
    };
    Ok(ViewSpec { scope, layers, level, at })
}

/// Sets the number of worker threads for this process.
pub(crate) fn threads(threads: &ThreadsArgs) -> Result<(), Failure> {
    if let Some(n) = threads.count {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .map_err(|error| Failure::Input(format!("error: --threads {n}: {error}")))?;
    }
    Ok(())
}

/// Reads a `--group-by` value: `sector`, `level`, `side` and `kind` (ASCII case ignored)
/// name the built-in groupings; any other text names a free attribute column (lower-cased).
/// Whether that column exists is for [`group_nodes`](crate::analysis::group_nodes) to say.
pub(crate) fn group_by(text: &str) -> GroupBy {
    let lower = text.trim().to_ascii_lowercase();
    match lower.as_str() {
        "sector" => GroupBy::Sector,
        "level" => GroupBy::Level,
        "side" => GroupBy::Side,
        "kind" => GroupBy::Kind,
        _ => GroupBy::Attribute(lower),
    }
}

/// The format asked for, or a table on a terminal and CSV in a pipe or file.
pub(crate) fn list_format(format: Option<ListFormat>, to_file: bool) -> ListFormat {
    format.unwrap_or(if !to_file && std::io::stdout().is_terminal() {
        ListFormat::Table
    } else {
        ListFormat::Csv
    })
}

pub(crate) fn unknown_coalition(network: &Network, key: &str) -> Failure {
    let mut keys: Vec<&str> = network.coalitions().iter().map(|c| c.key.as_str()).collect();
    keys.sort_unstable();
    let shown = if keys.len() > 12 {
        format!("{}, … ({} in all; `stakenet check` lists them)", keys[..12].join(", "), keys.len())
    } else {
        join_alternatives(keys.into_iter())
    };
    if shown.is_empty() {
        return Failure::Input(format!(
            "error: --coalition {key}: this workspace has no coalitions (no coalitions.csv)"
        ));
    }
    Failure::Input(format!("error: --coalition {key}: no such coalition; expected one of {shown}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_by_names_the_built_in_groupings_or_an_attribute() {
        assert_eq!(group_by("SIDE"), GroupBy::Side);
        assert_eq!(group_by(" sector "), GroupBy::Sector);
        assert_eq!(group_by("Level"), GroupBy::Level);
        assert_eq!(group_by("kind").name(), "kind");
        assert_eq!(group_by("Region"), GroupBy::Attribute("region".into()));
    }
}
