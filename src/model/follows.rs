//! A deal that follows an earlier one: the `follows` column of `coalitions.csv` resolved to the
//! coalition it names.

use super::ids::CoalitionId;
use super::network::Network;

/// The column of `coalitions.csv` that names the deal a coalition follows (its predecessor,
/// e.g. a region's second deal following its first).
pub const FOLLOWS_COLUMN: &str = "follows";

impl Network {
    /// The id written in `coalition`'s `follows` column (trimmed), when it is not empty.
    pub fn follows_key(&self, coalition: CoalitionId) -> Option<&str> {
        self.coalition(coalition)
            .attributes
            .get(FOLLOWS_COLUMN)
            .map(|key| key.trim())
            .filter(|key| !key.is_empty())
    }

    /// The coalition `coalition` follows: the one its `follows` column names by id (compared
    /// exactly, as ids are). `None` when the column is empty or absent, when it names no
    /// coalition of this network, or when it names the coalition itself.
    pub fn previous_deal(&self, coalition: CoalitionId) -> Option<CoalitionId> {
        self.follows_key(coalition)
            .and_then(|key| self.coalition_id(key))
            .filter(|&previous| previous != coalition)
    }
}

#[cfg(test)]
mod tests {
    use crate::io::{Source, load};

    #[test]
    fn a_second_deal_finds_the_first_and_a_first_deal_none() {
        let network = load(&Source::Bundled).expect("the bundled workspace is valid");
        let second = network.coalition_id("rd5_achterhoek_ii").expect("a coalition");
        let first = network.coalition_id("rd_achterhoek").expect("a coalition");
        assert_eq!(network.follows_key(second), Some("rd_achterhoek"));
        assert_eq!(network.previous_deal(second), Some(first));
        assert_eq!(network.follows_key(first), None);
        assert_eq!(network.previous_deal(first), None);
        // 14 second deals name the first in coalitions.csv, and every one resolves.
        let written = network.coalition_ids().filter(|&c| network.follows_key(c).is_some());
        let resolved = network.coalition_ids().filter(|&c| network.previous_deal(c).is_some());
        assert_eq!(written.count(), 14);
        assert_eq!(resolved.count(), 14);
    }
}
