//! What every part of the report page looks up: the network, the report, each coalition's
//! anchor on the page, whole-network centrality, coalitions per actor and compare rows.

use std::collections::{BTreeMap, BTreeSet};

use super::format::esc;
use crate::analysis::{ActorCentrality, CoalitionFigures, Report};
use crate::model::{ActorId, CoalitionId, Network};

/// What every part of the page needs to look up.
pub(super) struct Context<'a> {
    /// The network.
    pub(super) network: &'a Network,
    /// What the report shows.
    pub(super) report: &'a Report,
    /// Folder (anchor) of every coalition in the report, by coalition index.
    anchors: BTreeMap<usize, &'a str>,
    /// Whole-network centrality by actor index.
    pub(super) overall: BTreeMap<usize, &'a ActorCentrality>,
    /// Distinct coalitions per actor index.
    pub(super) n_coalitions: BTreeMap<usize, usize>,
    /// The `compare` row of every coalition, by coalition index.
    pub(super) figures: BTreeMap<usize, &'a CoalitionFigures>,
}

impl<'a> Context<'a> {
    pub(super) fn new(network: &'a Network, report: &'a Report, folders: &'a [String]) -> Self {
        let anchors = report
            .coalitions
            .iter()
            .zip(folders)
            .map(|(c, f)| (c.coalition.index(), f.as_str()))
            .collect();
        let overall = report.overview.centrality.iter().map(|s| (s.actor.index(), s)).collect();
        let mut pairs = BTreeSet::new();
        for membership in network.memberships() {
            pairs.insert((membership.actor.index(), membership.coalition.index()));
        }
        let mut n_coalitions = BTreeMap::new();
        for (actor, _) in pairs {
            *n_coalitions.entry(actor).or_insert(0) += 1;
        }
        let figures =
            report.overview.compare.iter().map(|row| (row.coalition.index(), row)).collect();
        Context { network, report, anchors, overall, n_coalitions, figures }
    }

    pub(super) fn actor_name(&self, actor: ActorId) -> String {
        esc(&self.network.actor(actor).name)
    }

    /// The coalition's name, linked to its section when it is in the report.
    pub(super) fn coalition_link(&self, coalition: CoalitionId, text: &str) -> String {
        match self.anchors.get(&coalition.index()) {
            Some(anchor) => format!("<a href=\"#c-{anchor}\">{}</a>", esc(text)),
            None => esc(text),
        }
    }
}
