//! What a map shows ([`MapModel`]): the actors with their colour group, size, position and
//! label, the ties by layer with their width, the ministry hulls, and the words of the title
//! and caption — computed once, then drawn as SVG ([`map_svg`](super::map_svg)) or as an
//! interactive page ([`map_html`](super::map_html)), and read by other outputs that want the
//! same colours, sizes and positions.

use std::collections::BTreeSet;

use crate::analysis::{GroupBy, LayoutConfig, group_nodes, layout};
use crate::model::{ActorId, Level, Network, Sector};
use crate::render::report::format::money;
use crate::view::{Scope, View, ViewSpec, Weighting};

use super::colours::{MapGroup, colour_groups};
use super::edges::{MapEdge, MapLayer, view_edges};
use super::error::MapError;
use super::labels::{Label, Rect, place_labels};
use super::nest::{Hull, hull_around, ministry_units};
use super::options::{MapOptions, SizeBy};
use super::sizes::{radii, size_values, value_range};

/// Pixels per hop: two tied actors are about this far apart.
pub const PIXELS_PER_HOP: f64 = 64.0;
/// The thinnest and thickest tie, in pixels.
const WIDTHS: (f64, f64) = (0.8, 5.0);

/// One actor on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapNode {
    /// The actor.
    pub actor: ActorId,
    /// Its node in the view.
    pub view_node: u32,
    /// Its id.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Its sector, when known.
    pub sector: Option<Sector>,
    /// Its level, when known.
    pub level: Option<Level>,
    /// Its colour group (an index into [`MapModel::groups`]).
    pub group: usize,
    /// The value `--size-by` measures (`None`: no value).
    pub value: Option<f64>,
    /// Distinct actors tied to it in the view.
    pub degree: usize,
    /// The sum of its ties' weights in the view.
    pub strength: f64,
    /// The radius, in pixels.
    pub radius: f64,
    /// The centre, in pixels (y downwards).
    pub position: [f64; 2],
    /// Its label, when one is drawn.
    pub label: Option<Label>,
}

/// A map: everything the drawing shows, positions in pixels.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MapModel {
    /// The title.
    pub title: String,
    /// The caption: what the map shows (workspace, scope, layers, date, counts).
    pub caption: String,
    /// What colours the actors (`sector`, a column …).
    pub color_by: String,
    /// What sizes them (`degree`, `amount`, a column …).
    pub size_by: String,
    /// The colour groups, in legend order.
    pub groups: Vec<MapGroup>,
    /// The layers, in view order.
    pub layers: Vec<MapLayer>,
    /// The actors, in view node order (only the ego network's with `--ego`).
    pub nodes: Vec<MapNode>,
    /// The ties, by layer then pair.
    pub edges: Vec<MapEdge>,
    /// The ministry hulls (`--nest`).
    pub hulls: Vec<Hull>,
    /// The values of the smallest and largest size (`None`: every actor the same size).
    pub size_range: Option<(f64, f64)>,
    /// Whether widths show euros (else tie strength).
    pub width_in_euros: bool,
    /// The largest width's value.
    pub width_max: f64,
    /// The ego's node, with `--ego`.
    pub ego: Option<usize>,
    /// The prefix of every id in the drawing, so that several maps fit one page.
    pub id_prefix: String,
}

impl MapModel {
    /// The map of `view` (built from `spec` over `network`) with `options`: colour groups,
    /// sizes (computing the centrality it needs), the ties per layer, the layout (each actor's
    /// radius passed to it, so that no two overlap), labels and hulls.
    ///
    /// # Errors
    /// [`MapError`] for a `--color-by` or `--size-by` the workspace has no column for, an ego
    /// outside the view, or a measure that does not converge.
    pub fn build(
        network: &Network,
        spec: &ViewSpec,
        view: &View,
        options: &MapOptions,
    ) -> Result<MapModel, MapError> {
        let grouping = group_nodes(network, view, &options.color_by).map_err(|_| {
            let mut accepted: Vec<String> =
                ["sector", "level", "side", "kind"].iter().map(|&s| s.to_owned()).collect();
            let columns: BTreeSet<&str> = network
                .actors()
                .iter()
                .flat_map(|actor| actor.attributes.keys().map(String::as_str))
                .collect();
            accepted.extend(columns.into_iter().map(|c| format!("the column {c}")));
            MapError::UnknownColorBy { name: options.color_by.name().to_owned(), accepted }
        })?;
        let (mut layers, all_edges) = view_edges(network, spec, view);
        let (scores, values) =
            size_values(network, view, &all_edges, &options.size_by, options.weighted)?;

        // The actors shown: all, or those within the ego's radius.
        let ego_node = match options.ego {
            Some(ego) => Some(view.node(ego.actor).ok_or_else(|| MapError::EgoNotInView {
                key: network.actor(ego.actor).key.clone(),
            })?),
            None => None,
        };
        let shown: Vec<usize> = match (ego_node, options.ego) {
            (Some(centre), Some(ego)) => within(view, centre, ego.radius),
            _ => (0..view.n_nodes()).collect(),
        };
        let mut index_of = vec![usize::MAX; view.n_nodes()];
        for (i, &node) in shown.iter().enumerate() {
            index_of[node] = i;
        }

        let (groups, group_of) =
            colour_groups(&grouping, &shown, matches!(options.color_by, GroupBy::Sector));
        let shown_values: Vec<Option<f64>> = shown.iter().map(|&n| values[n]).collect();
        let shown_radii = radii(&shown_values);
        let mut radius_of = vec![super::sizes::MIN_RADIUS; view.n_nodes()];
        for (i, &node) in shown.iter().enumerate() {
            radius_of[node] = shown_radii[i];
        }
        // An ego network is laid out on its own; with --nest each unit is kept near its
        // ministry as if tied to it, so that a hull holds its own units and little else.
        let extra_ties: Vec<(u32, u32)> = if options.nest {
            let actors: Vec<ActorId> = shown.iter().map(|&node| view.actor(node as u32)).collect();
            ministry_units(network, &actors)
                .into_iter()
                .flat_map(|(ministry, units)| {
                    let shown = &shown;
                    let m = shown[ministry] as u32;
                    units.into_iter().map(move |u| (m, shown[u] as u32))
                })
                .collect()
        } else {
            Vec::new()
        };
        let config = LayoutConfig::default()
            .with_method(options.method)
            .with_seed(options.seed)
            .with_radii(radius_of.iter().map(|r| r / PIXELS_PER_HOP).collect())
            .with_only(ego_node.map(|_| shown.iter().map(|&node| node as u32).collect()))
            .with_extra_ties(extra_ties);
        let placed = layout(view, network, &config);
        let position = |node: usize| -> [f64; 2] {
            let p = placed.positions.get(node).copied().unwrap_or([0.0, 0.0]);
            let finite = |v: f64| if v.is_finite() { v * PIXELS_PER_HOP } else { 0.0 };
            [finite(p[0]), finite(p[1])]
        };

        let mut nodes: Vec<MapNode> = shown
            .iter()
            .enumerate()
            .map(|(i, &node)| {
                let actor = view.actor(node as u32);
                let data = network.actor(actor);
                MapNode {
                    actor,
                    view_node: node as u32,
                    key: data.key.clone(),
                    name: data.name.clone(),
                    sector: data.sector,
                    level: data.level,
                    group: group_of[i],
                    value: values[node],
                    degree: scores[node].degree,
                    strength: scores[node].strength,
                    radius: shown_radii[i],
                    position: position(node),
                    label: None,
                }
            })
            .collect();

        // Labels: the largest actors first, ties in id order.
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| nodes[i].value.filter(|v| v.is_finite());
            match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| nodes[a].key.cmp(&nodes[b].key))
        });
        // The ego is labelled first.
        if let Some(centre) = ego_node {
            let centre = index_of[centre as usize];
            order.retain(|&i| i != centre);
            order.insert(0, centre);
        }
        let centres: Vec<[f64; 2]> = nodes.iter().map(|n| n.position).collect();
        let node_radii: Vec<f64> = nodes.iter().map(|n| n.radius).collect();
        let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
        let labels = place_labels(&centres, &node_radii, &names, &order, options.labels);
        for (node, label) in nodes.iter_mut().zip(labels) {
            node.label = label;
        }

        // Ties among the shown actors, with their widths.
        let width_in_euros = view.weighting() == Weighting::Euros;
        let mut edges: Vec<MapEdge> = all_edges
            .into_iter()
            .filter(|e| index_of[e.source] != usize::MAX && index_of[e.target] != usize::MAX)
            .map(|mut e| {
                e.source = index_of[e.source];
                e.target = index_of[e.target];
                e
            })
            .collect();
        let measure = |e: &MapEdge| if width_in_euros { e.euros.unwrap_or(0.0) } else { e.weight };
        let width_max = edges.iter().map(measure).fold(0.0_f64, f64::max);
        for edge in &mut edges {
            edge.width = width_of(measure(edge), width_max);
            layers[edge.layer].n_edges += 1;
        }

        let hulls = if options.nest {
            let actors: Vec<ActorId> = nodes.iter().map(|n| n.actor).collect();
            ministry_units(network, &actors)
                .into_iter()
                .map(|(ministry, units)| {
                    let circles: Vec<([f64; 2], f64)> = std::iter::once(ministry)
                        .chain(units.iter().copied())
                        .map(|i| (nodes[i].position, nodes[i].radius))
                        .collect();
                    Hull { ministry, outline: hull_around(&circles), units }
                })
                .collect()
        } else {
            Vec::new()
        };

        let ego_index = ego_node.map(|n| index_of[n as usize]);
        let (title, caption) = words(network, spec, view, options, &nodes, &edges, ego_index);
        Ok(MapModel {
            title,
            caption,
            color_by: options.color_by.name().to_owned(),
            size_by: options.size_by.name().to_owned(),
            groups,
            layers,
            nodes,
            edges,
            hulls,
            size_range: value_range(&shown_values),
            width_in_euros,
            width_max,
            ego: ego_index,
            id_prefix: options.id_prefix.clone(),
        })
    }

    /// The colour of each actor, in node order.
    pub fn colours(&self) -> Vec<&'static str> {
        self.nodes.iter().map(|n| self.groups[n.group].colour).collect()
    }

    /// The box the actors, labels and hulls take, in pixels.
    pub fn content_bounds(&self) -> Rect {
        let mut bounds = Bounds::default();
        for node in &self.nodes {
            let [x, y] = node.position;
            bounds.add(x - node.radius, y - node.radius);
            bounds.add(x + node.radius, y + node.radius);
            if let Some(label) = &node.label {
                bounds.add(label.rect.x, label.rect.y);
                bounds.add(label.rect.x + label.rect.width, label.rect.y + label.rect.height);
            }
        }
        for hull in &self.hulls {
            for &[x, y] in &hull.outline {
                bounds.add(x, y);
            }
        }
        bounds.rect()
    }

    /// A value of the size measure as the legend and hover text write it.
    pub fn size_text(&self, value: f64) -> String {
        if self.size_by == "amount" { money(value) } else { figure(value) }
    }

    /// A tie's width measure as the legend writes it.
    pub fn width_text(&self, value: f64) -> String {
        if self.width_in_euros { money(value) } else { figure(value) }
    }
}

/// The width of a tie with `value` when the widest has `max` (area-like: square root).
fn width_of(value: f64, max: f64) -> f64 {
    if max > 0.0 && value > 0.0 {
        WIDTHS.0 + (WIDTHS.1 - WIDTHS.0) * (value / max).sqrt()
    } else {
        WIDTHS.0
    }
}

/// A figure with at most three decimals, whole numbers as they are.
pub(crate) fn figure(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 100.0 {
        format!("{value:.1}")
    } else if value.abs() >= 0.001 {
        let text = format!("{value:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        format!("{value:.2e}")
    }
}

/// The view nodes within `radius` hops of `centre` (either direction), in node order.
fn within(view: &View, centre: u32, radius: u32) -> Vec<usize> {
    let mut distance = vec![u32::MAX; view.n_nodes()];
    distance[centre as usize] = 0;
    let mut queue = std::collections::VecDeque::from([centre]);
    while let Some(node) = queue.pop_front() {
        let d = distance[node as usize];
        if d >= radius {
            continue;
        }
        let inward = if view.is_directed() { view.in_arcs().neighbors(node) } else { &[] };
        for &next in view.out_arcs().neighbors(node).iter().chain(inward) {
            if distance[next as usize] == u32::MAX {
                distance[next as usize] = d + 1;
                queue.push_back(next);
            }
        }
    }
    (0..view.n_nodes()).filter(|&n| distance[n] != u32::MAX).collect()
}

#[derive(Default)]
struct Bounds(Option<(f64, f64, f64, f64)>);

impl Bounds {
    fn add(&mut self, x: f64, y: f64) {
        self.0 = Some(match self.0 {
            None => (x, y, x, y),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        });
    }

    fn rect(&self) -> Rect {
        let (x0, y0, x1, y1) = self.0.unwrap_or((0.0, 0.0, 0.0, 0.0));
        Rect { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
    }
}

/// The title and the caption.
fn words(
    network: &Network,
    spec: &ViewSpec,
    view: &View,
    options: &MapOptions,
    nodes: &[MapNode],
    edges: &[MapEdge],
    ego: Option<usize>,
) -> (String, String) {
    let scope = match spec.scope {
        Scope::All => "all actors".to_owned(),
        Scope::Coalition(c) => {
            let coalition = network.coalition(c);
            format!("{} ({}): members and their units", coalition.name, coalition.key)
        }
        Scope::Members(c) => {
            let coalition = network.coalition(c);
            format!("{} ({}): members only", coalition.name, coalition.key)
        }
    };
    let subject = match spec.scope {
        Scope::All => options.workspace.clone(),
        Scope::Coalition(c) | Scope::Members(c) => network.coalition(c).name.clone(),
    };
    let title = if !options.title.is_empty() {
        options.title.clone()
    } else if let (Some(ego), Some(asked)) = (ego, options.ego) {
        format!(
            "Ego network of {} ({} {})",
            nodes[ego].name,
            asked.radius,
            if asked.radius == 1 { "hop" } else { "hops" }
        )
    } else if subject.is_empty() {
        "Network map".to_owned()
    } else {
        format!("Network map: {subject}")
    };
    let layer_names: Vec<&str> =
        view.layers().iter().map(|&l| View::layer_name(network, l)).collect();
    let mut parts = Vec::new();
    if !options.workspace.is_empty() {
        parts.push(options.workspace.clone());
    }
    parts.push(scope);
    if let Some(kind) = &spec.fold_kind {
        parts.push(format!("folded by kind {kind}"));
    }
    if let Some(level) = spec.level {
        parts.push(format!("folded to level {level}"));
    }
    parts.push(format!(
        "{} {}",
        if layer_names.len() == 1 { "layer" } else { "layers" },
        layer_names.join(", ")
    ));
    parts.push(match spec.at {
        Some(date) => format!("ties holding on {date}"),
        None => "ties of every date".to_owned(),
    });
    parts.push(format!("{} actors, {} ties", nodes.len(), edges.len()));
    let mut caption = parts.join(" · ");
    caption.push('\n');
    let mut parts = Vec::new();
    parts.push(format!(
        "colour: {}, size: {}, line width: {}",
        options.color_by.name(),
        options.size_by.name(),
        if view.weighting() == Weighting::Euros { "euros" } else { "tie strength" }
    ));
    if options.size_by == SizeBy::Amount && nodes.iter().all(|n| n.value.is_none()) {
        parts.push("no relation carries an amount".to_owned());
    }
    caption.push_str(&parts.join(" · "));
    (title, caption)
}

/// Euros as the map writes them (`€1.5m`).
pub(crate) fn money_text(value: f64) -> String {
    money(value)
}
