//! Synthetic workspaces for benchmarks and scale tests: seeded Barabási–Albert or G(n, m)
//! networks with sectors, levels, a parent hierarchy, several layers and coalitions.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;

use crate::model::{
    Actor, ActorId, Coalition, CoalitionId, Layer, LayerId, Level, Membership, Network,
    NetworkBuilder, Relation, Role, Sector, Validity,
};
use crate::random::SplitMix64;

/// The random graph model of the ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GraphModel {
    /// Barabási & Albert (1999) preferential attachment: each new actor ties to
    /// `ties_per_actor` distinct earlier actors chosen proportionally to their degree.
    BarabasiAlbert,
    /// Erdős–Rényi G(n, m): `actors · ties_per_actor` distinct ties drawn uniformly.
    Gnm,
}

/// What to generate.
///
/// Start from the default (Barabási–Albert, 1000 actors, 3 ties each, 20 coalitions, seed 42)
/// and change what differs:
/// ```
/// # use stakenet::generate::{GenerateConfig, GraphModel};
/// let config = GenerateConfig::default().with_model(GraphModel::Gnm).with_n_actors(500);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GenerateConfig {
    /// The tie model.
    pub model: GraphModel,
    /// Number of actors (≥ 2).
    pub n_actors: usize,
    /// Ties per actor (m of the BA model; average out-degree of G(n, m)).
    pub ties_per_actor: usize,
    /// Number of coalitions.
    pub n_coalitions: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// Put every tie in one undirected `collaboration` layer (a plain graph, for comparisons
    /// with other libraries) instead of spreading ties over five layers.
    pub one_layer: bool,
}

impl Default for GenerateConfig {
    fn default() -> Self {
        GenerateConfig {
            model: GraphModel::BarabasiAlbert,
            n_actors: 1000,
            ties_per_actor: 3,
            n_coalitions: 20,
            seed: 42,
            one_layer: false,
        }
    }
}

impl GenerateConfig {
    /// Sets the tie model [`GenerateConfig::model`].
    #[must_use]
    pub fn with_model(mut self, model: GraphModel) -> Self {
        self.model = model;
        self
    }

    /// Sets the number of actors [`GenerateConfig::n_actors`].
    #[must_use]
    pub fn with_n_actors(mut self, n_actors: usize) -> Self {
        self.n_actors = n_actors;
        self
    }

    /// Sets [`GenerateConfig::ties_per_actor`].
    #[must_use]
    pub fn with_ties_per_actor(mut self, ties_per_actor: usize) -> Self {
        self.ties_per_actor = ties_per_actor;
        self
    }

    /// Sets the number of coalitions [`GenerateConfig::n_coalitions`].
    #[must_use]
    pub fn with_n_coalitions(mut self, n_coalitions: usize) -> Self {
        self.n_coalitions = n_coalitions;
        self
    }

    /// Sets the seed of the random generator [`GenerateConfig::seed`].
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets [`GenerateConfig::one_layer`].
    #[must_use]
    pub fn with_one_layer(mut self, one_layer: bool) -> Self {
        self.one_layer = one_layer;
        self
    }
}

/// The layers of generated ties, with the share of ties each gets (in percent).
const LAYERS: &[(&str, bool, u64)] = &[
    ("collaboration", false, 50),
    ("information", true, 20),
    ("funding", true, 15),
    ("mandate", true, 10),
    ("dependency", true, 5),
];

/// Generates a synthetic network.
///
/// The first actor is the national government (`a0`), the next up to eight its ministries, the
/// next up to twelve provinces; every other actor gets a sector (45% government, 20% business,
/// 10% knowledge, 10% civil society, 10% citizens, 5% hybrid) and a level fitting it, and
/// government actors hang under a random province. Weights are uniform in [1, 5] with two
/// decimals. Coalitions have 5–30 members, most of them signatories.
///
/// # Complexity
/// O(n · m) time and memory.
pub fn generate(config: &GenerateConfig) -> Network {
    let mut rng = SplitMix64::new(config.seed);
    let n = config.n_actors.max(2);
    let mut builder = NetworkBuilder::default();
    let n_ministries = 8.min(n.saturating_sub(1));
    let n_provinces = 12.min(n.saturating_sub(1 + n_ministries));
    for i in 0..n {
        let (sector, level, parent, kind) = if i == 0 {
            (Sector::Government, Level::National, None, "national_government")
        } else if i <= n_ministries {
            (Sector::Government, Level::National, Some(0), "ministry")
        } else if i <= n_ministries + n_provinces {
            (Sector::Government, Level::Provincial, None, "province")
        } else {
            let province = (n_provinces > 0)
                .then(|| 1 + n_ministries + rng.below(n_provinces as u64) as usize);
            match rng.below(100) {
                0..45 => (Sector::Government, Level::Municipal, province, "municipality"),
                45..65 => (Sector::Business, Level::Regional, None, "company"),
                65..75 => (Sector::Knowledge, Level::Regional, None, "university"),
                75..85 => (Sector::CivilSociety, Level::Local, None, "foundation"),
                85..95 => (Sector::Citizens, Level::Local, None, "resident_panel"),
                _ => (Sector::Hybrid, Level::Regional, None, "economic_board"),
            }
        };
        builder.actors.push(Actor {
            key: format!("a{i}"),
            name: format!("Actor {i}"),
            sector: Some(sector),
            level: Some(level),
            parent: parent.map(ActorId::from_index),
            kind: Some(kind.to_owned()),
            themes: Vec::new(),
            influence: None,
            successors: Vec::new(),
            attributes: BTreeMap::new(),
        });
    }
    let layers = if config.one_layer { &LAYERS[..1] } else { LAYERS };
    for &(name, directed, _) in layers {
        builder.layers.push(Layer { name: name.to_owned(), directed, n_relations: 0 });
    }
    let pairs = match config.model {
        GraphModel::BarabasiAlbert => barabasi_albert(n, config.ties_per_actor, &mut rng),
        GraphModel::Gnm => gnm(n, n.saturating_mul(config.ties_per_actor), &mut rng),
    };
    builder.relations.reserve(pairs.len());
    for (source, target) in pairs {
        let mut layer = 0;
        if !config.one_layer {
            let mut pick = rng.below(100);
            for (i, &(_, _, share)) in LAYERS.iter().enumerate() {
                if pick < share {
                    layer = i;
                    break;
                }
                pick -= share;
            }
        }
        let weight = (100 + rng.below(401)) as f64 / 100.0;
        builder.relations.push(Relation {
            source: ActorId::from_index(source),
            target: ActorId::from_index(target),
            layer: LayerId::from_index(layer),
            directed: LAYERS[layer].1,
            weight,
            amount: None,
            topic: None,
            validity: Validity::default(),
            coalition: None,
        });
    }
    for c in 0..config.n_coalitions {
        builder.coalitions.push(Coalition {
            key: format!("c{c}"),
            name: format!("Coalition {c}"),
            tranche: None,
            region: None,
            themes: Vec::new(),
            national_contribution: Some(1_000_000.0 * (1 + rng.below(50)) as f64),
            cofinancing: Some(1_000_000.0 * rng.below(80) as f64),
            governance: None,
            start: None,
            end: None,
            attributes: BTreeMap::new(),
        });
        let size = (5 + rng.below(26) as usize).min(n);
        let mut members = FxHashSet::default();
        while members.len() < size {
            members.insert(rng.below(n as u64) as usize);
        }
        let mut members: Vec<usize> = members.into_iter().collect();
        members.sort_unstable();
        for actor in members {
            builder.memberships.push(Membership {
                coalition: CoalitionId::from_index(c),
                actor: ActorId::from_index(actor),
                role: if rng.below(5) == 0 { Role::Involved } else { Role::Signatory },
                contribution: None,
                validity: Validity::default(),
                attributes: BTreeMap::new(),
            });
        }
    }
    // The hierarchy generated above points only to earlier actors, so it has no cycle.
    builder.build().unwrap_or_else(|_| unreachable!("generated parents point to earlier actors"))
}

/// Preferential attachment on a list of tie ends: an actor appears once per tie it has.
fn barabasi_albert(n: usize, m: usize, rng: &mut SplitMix64) -> Vec<(usize, usize)> {
    let m = m.max(1).min(n - 1);
    let mut pairs = Vec::with_capacity(n * m);
    let mut ends: Vec<u32> = Vec::with_capacity(2 * n * m);
    let mut chosen: Vec<usize> = Vec::with_capacity(m);
    // Start from a star of m + 1 actors so every early actor has a tie.
    for target in 0..m {
        pairs.push((m, target));
        ends.extend([m as u32, target as u32]);
    }
    for source in m + 1..n {
        chosen.clear();
        while chosen.len() < m {
            let target = ends[rng.below(ends.len() as u64) as usize] as usize;
            if !chosen.contains(&target) {
                chosen.push(target);
            }
        }
        for &target in &chosen {
            pairs.push((source, target));
            ends.extend([source as u32, target as u32]);
        }
    }
    pairs
}

/// `m` distinct unordered pairs drawn uniformly, each oriented at random.
fn gnm(n: usize, m: usize, rng: &mut SplitMix64) -> Vec<(usize, usize)> {
    let max_pairs = n * (n - 1) / 2;
    let m = m.min(max_pairs);
    let mut seen: FxHashSet<(u32, u32)> = FxHashSet::default();
    seen.reserve(m);
    let mut pairs = Vec::with_capacity(m);
    while pairs.len() < m {
        let a = rng.below(n as u64) as u32;
        let b = rng.below(n as u64) as u32;
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        pairs.push((a as usize, b as usize));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_networks_have_the_asked_shape_and_are_reproducible() {
        let config = GenerateConfig {
            n_actors: 500,
            ties_per_actor: 3,
            n_coalitions: 7,
            ..Default::default()
        };
        let network = generate(&config);
        assert_eq!(network.actors().len(), 500);
        assert_eq!(network.relations().len(), 3 * (500 - 4) + 3);
        assert_eq!(network.coalitions().len(), 7);
        assert_eq!(network.layers().len(), LAYERS.len());
        assert!(network.hierarchy().n_levels() >= 2);
        let again = generate(&config);
        assert_eq!(again.relations(), network.relations());
        let gnm = generate(&GenerateConfig { model: GraphModel::Gnm, ..config });
        assert_eq!(gnm.relations().len(), 1500);
        assert!(gnm.relations().iter().all(|r| r.source != r.target));
    }
}
