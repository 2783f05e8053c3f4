//! The map's colours, all distinguishable with the common colour-vision deficiencies: groups
//! of actors in the Okabe–Ito palette (sectors in the report's colours), the largest seven
//! kept apart and the rest "other" when there are more than eight; layers in Paul Tol's
//! muted palette.

use crate::analysis::{Grouping, NO_GROUP};
use crate::model::Sector;
use crate::render::{palette, sector_colour};

/// Okabe–Ito yellow.
const YELLOW: &str = "#F0E442";
/// Okabe–Ito black (dark grey, so that its outline still shows).
const BLACK: &str = "#1A1A1A";
/// The colour of actors without a value.
pub(crate) const NONE_COLOUR: &str = "#C8C8C8";
/// The label of the groups beyond the eighth.
pub const OTHER_GROUP: &str = "other";

/// The groups' colours in order.
const GROUP_PALETTE: [&str; 8] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::PURPLE,
    palette::VERMILLION,
    palette::SKY,
    YELLOW,
    BLACK,
];

/// Paul Tol's muted palette, for layers.
const LAYER_PALETTE: [&str; 9] = [
    "#332288", "#CC6677", "#117733", "#DDCC77", "#88CCEE", "#882255", "#44AA99", "#999933",
    "#AA4499",
];

/// The one layer of a single-layer map: a neutral grey that leaves the colours to the actors.
const SINGLE_LAYER: &str = "#7A8089";

/// One colour group of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapGroup {
    /// Its label (a sector, a level, a column value, `(none)` or `other`).
    pub label: String,
    /// Its colour.
    pub colour: &'static str,
    /// Actors of the group on the map.
    pub count: usize,
}

/// The colour groups of the `shown` nodes (view node indices) and each shown node's group
/// index, in `shown` order. `sector` says the grouping is by sector (the report's colours).
pub(crate) fn colour_groups(
    grouping: &Grouping,
    shown: &[usize],
    sector: bool,
) -> (Vec<MapGroup>, Vec<usize>) {
    let mut counts = vec![0usize; grouping.labels.len()];
    for &node in shown {
        counts[grouping.of_node[node] as usize] += 1;
    }
    let present: Vec<usize> = (0..grouping.labels.len()).filter(|&g| counts[g] > 0).collect();
    let valued: Vec<usize> =
        present.iter().copied().filter(|&g| grouping.labels[g] != NO_GROUP).collect();
    // More than eight valued groups: the seven largest (ties in group order) keep a colour.
    let kept: Vec<usize> = if valued.len() > GROUP_PALETTE.len() {
        let mut by_size = valued.clone();
        by_size.sort_by_key(|&g| (std::cmp::Reverse(counts[g]), g));
        let mut kept: Vec<usize> = by_size[..GROUP_PALETTE.len() - 1].to_vec();
        kept.sort_unstable();
        kept
    } else {
        valued.clone()
    };
    let mut groups: Vec<MapGroup> = Vec::new();
    let mut of_group = vec![usize::MAX; grouping.labels.len()];
    for (i, &g) in kept.iter().enumerate() {
        let label = grouping.labels[g].clone();
        let colour = if sector {
            sector_colour(Sector::parse(&label))
        } else {
            GROUP_PALETTE[i % GROUP_PALETTE.len()]
        };
        of_group[g] = groups.len();
        groups.push(MapGroup { label, colour, count: counts[g] });
    }
    if kept.len() < valued.len() {
        let other = groups.len();
        let mut count = 0;
        for &g in &valued {
            if of_group[g] == usize::MAX {
                of_group[g] = other;
                count += counts[g];
            }
        }
        groups.push(MapGroup { label: OTHER_GROUP.to_owned(), colour: palette::GREY, count });
    }
    if let Some(&none) = present.iter().find(|&&g| grouping.labels[g] == NO_GROUP) {
        of_group[none] = groups.len();
        groups.push(MapGroup {
            label: NO_GROUP.to_owned(),
            colour: NONE_COLOUR,
            count: counts[none],
        });
    }
    let of_node = shown.iter().map(|&node| of_group[grouping.of_node[node] as usize]).collect();
    (groups, of_node)
}

/// The colours of `n` layers.
pub(crate) fn layer_palette(n: usize) -> Vec<&'static str> {
    if n == 1 {
        return vec![SINGLE_LAYER];
    }
    (0..n).map(|i| LAYER_PALETTE[i % LAYER_PALETTE.len()]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_eight_groups_keep_the_seven_largest_and_call_the_rest_other() {
        let labels: Vec<String> = (0..10).map(|i| format!("g{i}")).collect();
        // Group i has i + 1 nodes.
        let of_node: Vec<u32> =
            (0..10u32).flat_map(|g| std::iter::repeat_n(g, g as usize + 1)).collect();
        let shown: Vec<usize> = (0..of_node.len()).collect();
        let grouping = Grouping { labels, of_node };
        let (groups, of) = colour_groups(&grouping, &shown, false);
        assert_eq!(groups.len(), 8);
        assert_eq!(groups[7].label, OTHER_GROUP);
        assert_eq!(groups[7].count, 1 + 2 + 3);
        assert_eq!(groups[0].label, "g3");
        assert_eq!(of[0], 7);
        let colours: std::collections::BTreeSet<&str> = groups.iter().map(|g| g.colour).collect();
        assert_eq!(colours.len(), 8);
    }
}
